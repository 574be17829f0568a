// The room router's HTTP API: create-room, join-room, rejoin and a member's recording links, with its problem answers in
// plain words.

/**
 * A seat: the answer of create-room and join-room. client_id and ticket are credentials: never shown or logged.
 * @typedef {{ room_id: string, client_id: string, stream_url: string, role: string, protocols: string[],
 *   ticket: string, knocking: boolean, join_key?: string }} Seat
 * @typedef {{ code: string, text: string, final: boolean }} Problem
 * @typedef {{ seat: Seat, error?: undefined } | { seat?: undefined, error: Problem }} RouterResult
 * @typedef {{ name?: string, lobby?: boolean, join_window_seconds?: number, max_clients?: number }} CreateOptions
 * @typedef {{ recording: string, state: string, started_at: string, duration_seconds: number, url: string | null,
 *   expires_at: string | null }} RecordingSummary
 * @typedef {{ recordings: RecordingSummary[], error?: undefined } | { recordings?: undefined, error: Problem }} RecordingsResult
 */

/**
 * @param {CreateOptions} options
 * @returns {Promise<RouterResult>}
 */
export function createRoom(options) {
  return post('/create-room', options);
}

/**
 * A new identity in a room; without the key of a private room the seat knocks.
 * @param {string} roomId
 * @param {string} key the join key of the invite link, or ''
 * @param {string} name
 * @returns {Promise<RouterResult>}
 */
export function joinRoom(roomId, key, name) {
  return post('/join-room', { room_id: roomId, ...(key ? { key } : {}), ...(name ? { name } : {}) });
}

/**
 * The same seat again with a new ticket (a reload, or a reconnect the stream instance refused).
 * @param {string} roomId
 * @param {string} clientId
 * @param {string} key the join key, so that a seat freed meanwhile comes back as a member's
 * @returns {Promise<RouterResult>}
 */
export function rejoin(roomId, clientId, key) {
  return post('/join-room', { room_id: roomId, client_id: clientId, ...(key ? { key } : {}) });
}

/**
 * The recordings of a room that this seat asked for (`url` relative to the router, null until the file is ready).
 * Works after the room ended too: a file finished late is only found this way.
 * @param {string} roomId
 * @param {string} clientId
 * @returns {Promise<RecordingsResult>}
 */
export async function recordingLinks(roomId, clientId) {
  const answer = await send('/recording-links', { room_id: roomId, client_id: clientId });
  if ('error' in answer) return answer;
  const { response, json } = answer;
  if (response.ok && Array.isArray(json)) return { recordings: json };
  return { error: describeProblem(response.status, json, response.headers.get('Retry-After')) };
}

/**
 * @param {string} path
 * @param {object} body
 * @returns {Promise<RouterResult>}
 */
async function post(path, body) {
  const answer = await send(path, body);
  if ('error' in answer) return answer;
  const { response, json } = answer;
  if (response.ok && json?.room_id && json?.client_id && json?.stream_url && json?.ticket) return { seat: json };
  return { error: describeProblem(response.status, json, response.headers.get('Retry-After')) };
}

/**
 * @param {string} path
 * @param {object} body
 * @returns {Promise<{ response: Response, json: any } | { error: Problem }>}
 */
async function send(path, body) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { error: { code: 'offline', text: 'Cannot reach the server. Check your connection.', final: false } };
  }
  /** @type {any} */
  let json = null;
  try { json = await response.json(); } catch { /* empty or not JSON */ }
  return { response, json };
}

/**
 * Plain words for a problem+json answer. final: asking again will not help (a 4xx other than 429).
 * @param {number} status
 * @param {any} problem
 * @param {string | null} [retryAfter]
 * @returns {Problem}
 */
export function describeProblem(status, problem, retryAfter) {
  const type = String(problem?.type ?? '');
  const final = status >= 400 && status < 500 && status !== 429;
  const wait = retryAfter ? ` Try again in ${retryAfter} seconds.` : ' Try again in a moment.';
  /** @param {string} code @param {string} text */
  const said = (code, text) => ({ code, text, final });
  if (type.endsWith('room-full')) return said('room-full', 'This room is full.' + wait);
  if (type.endsWith('room-ended')) return said('room-ended', 'The host ended this room.');
  if (type.endsWith('room-gone')) return said('room-gone', 'This room is no longer valid. Create a new one.');
  if (type.endsWith('room-not-found')) return said('room-not-found', 'There is no room with that id.');
  if (type.endsWith('wrong-join-key')) return said('wrong-join-key', 'This room link is not valid any more. Ask the host for a new one.');
  if (type.endsWith('join-window-closed')) return said('join-window-closed', 'This room no longer lets new people in: its time to join is over.');
  if (type.endsWith('barred')) return said('barred', 'A host turned you away from this room.');
  if (type.endsWith('rate-limited')) return said('rate-limited', 'Too many attempts from your network.' + wait);
  if (type.endsWith('too-many-rooms')) return said('server-busy', 'The server is busy with too many rooms.' + wait);
  if (type.endsWith('no-stream-instance') || type.endsWith('dependency-unavailable') || status === 503)
    return said('server-busy', 'The server is busy or restarting.' + wait);
  if (status === 400) return said('bad-request', problem?.detail || 'That room id is not valid.');
  if (status === 429) return said('server-busy', 'The server is busy.' + wait);
  return said('error', problem?.detail || problem?.title || `The server answered ${status}.`);
}

/**
 * Accepts "00157", "157" or a link such as https://host/?room=00157#key=K; answers {room, key} (key '' when none).
 * @param {string} value
 * @returns {{ room: string, key: string }}
 */
export function parseRoomInput(value) {
  const v = String(value ?? '').trim();
  if (!v) return { room: '', key: '' };
  try {
    const url = new URL(v);
    return { room: url.searchParams.get('room')?.trim() ?? '', key: keyOfFragment(url.hash) };
  } catch {
    return { room: v, key: '' };
  }
}

/**
 * The join key of a link's fragment (#key=K): the fragment never reaches a server, so neither does the key.
 * @param {string} hash
 * @returns {string}
 */
export function keyOfFragment(hash) {
  return new URLSearchParams(String(hash ?? '').replace(/^#/, '')).get('key')?.trim() ?? '';
}

/**
 * The invite link of a room: the key rides in the fragment.
 * @param {string} origin
 * @param {string} roomId
 * @param {string} key
 * @returns {string}
 */
export function inviteLink(origin, roomId, key) {
  const base = `${origin}/?room=${encodeURIComponent(roomId)}`;
  return key ? `${base}#key=${encodeURIComponent(key)}` : base;
}
