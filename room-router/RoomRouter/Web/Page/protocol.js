// The page's own framing inside stream-service messages (v1 relays every message unchanged, with no envelope).
// Text messages: JSON {t, from, ...}: "hello" (presence, every few seconds), "pose" (avatar), "bye" (leaving).
// Binary messages: [0x01 kind=JPEG][1 byte: sender id length][sender id, UTF-8][JPEG bytes].

export const SUBPROTOCOL = 'avatar-stream.v1';
export const KIND_JPEG = 1;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The browser-valid credential form: a subprotocol token carrying base64url JSON with the one-time ticket. */
export function credentialProtocols(ticket) {
  const json = JSON.stringify({ ticket });
  const b64 = btoa(String.fromCharCode(...encoder.encode(json)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return [SUBPROTOCOL, `avatar-stream.auth.${b64}`];
}

export function encodeFrame(senderId, jpegBuffer) {
  const id = encoder.encode(senderId);
  const out = new Uint8Array(2 + id.length + jpegBuffer.byteLength);
  out[0] = KIND_JPEG;
  out[1] = id.length;
  out.set(id, 2);
  out.set(new Uint8Array(jpegBuffer), 2 + id.length);
  return out;
}

/** Returns {kind, from, payload} or null for anything this page did not write. */
export function decodeFrame(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 3 || bytes[0] !== KIND_JPEG) return null;
  const len = bytes[1];
  if (bytes.length < 2 + len) return null;
  const from = decoder.decode(bytes.subarray(2, 2 + len));
  return { kind: bytes[0], from, payload: bytes.subarray(2 + len) };
}

export function encodeText(message) {
  return JSON.stringify(message);
}

export function decodeText(text) {
  try {
    const m = JSON.parse(text);
    return m && typeof m === 'object' && typeof m.t === 'string' && typeof m.from === 'string' ? m : null;
  } catch {
    return null;
  }
}

/** Plain words for the room router's problem+json answers. */
export function describeProblem(status, problem, retryAfter) {
  const type = String(problem?.type ?? '');
  const wait = retryAfter ? ` Try again in ${retryAfter} seconds.` : ' Try again in a moment.';
  if (type.endsWith('room-full')) return { code: 'room-full', text: 'This room is full.' + wait };
  if (type.endsWith('room-gone')) return { code: 'room-gone', text: 'This room is no longer valid. Create a new one.' };
  if (type.endsWith('room-not-found')) return { code: 'room-not-found', text: 'There is no room with that id.' };
  if (type.endsWith('wrong-join-key')) return { code: 'wrong-join-key', text: 'This room link is not valid any more. Ask the host for a new one.' };
  if (type.endsWith('rate-limited')) return { code: 'rate-limited', text: 'Too many attempts from your network.' + wait };
  if (type.endsWith('too-many-rooms')) return { code: 'server-busy', text: 'The server is busy with too many rooms.' + wait };
  if (type.endsWith('no-stream-instance') || type.endsWith('dependency-unavailable') || status === 503)
    return { code: 'server-busy', text: 'The server is busy or restarting.' + wait };
  if (status === 400) return { code: 'bad-request', text: problem?.detail || 'That room id is not valid.' };
  if (status === 429) return { code: 'server-busy', text: 'The server is busy.' + wait };
  return { code: 'error', text: problem?.detail || problem?.title || `The server answered ${status}.` };
}

/** Accepts "00157", "157" or a link such as https://host/?room=00157#key=K; answers {room, key} (key '' when none). */
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

/** The join key of a link's fragment (#key=K): the fragment never reaches a server, so neither does the key. */
export function keyOfFragment(hash) {
  return new URLSearchParams(String(hash ?? '').replace(/^#/, '')).get('key')?.trim() ?? '';
}

/** The invite link of a room: the key rides in the fragment. */
export function inviteLink(origin, roomId, key) {
  const base = `${origin}/?room=${encodeURIComponent(roomId)}`;
  return key ? `${base}#key=${encodeURIComponent(key)}` : base;
}
