// The recording links this member got, per room id, kept in localStorage: `recording_ready` comes once and is never
// replayed, so a reload or the end of the room must not lose it. Nothing here touches the DOM or the network.

/**
 * @typedef {import('./router-api.js').RecordingSummary} RecordingSummary
 * @typedef {{ recording: string, url: string, expires_at: string | null, started_at: string | null,
 *   duration_seconds: number | null, got_at: string }} RecordingLink
 * @typedef {{ recording?: unknown, url?: unknown, expires_at?: unknown, started_at?: unknown,
 *   duration_seconds?: unknown, state?: unknown }} RecordingNews a `recording_ready` message or a /recording-links entry
 */

const KEY_PREFIX = 'avatarStream.recordings.';

/**
 * The links kept for a room, without those that expired.
 * @param {string} roomId
 * @returns {RecordingLink[]}
 */
export function keptRecordings(roomId) {
  if (!roomId) return [];
  let list;
  try { list = JSON.parse(localStorage.getItem(KEY_PREFIX + roomId) ?? '[]'); } catch { return []; }
  if (!Array.isArray(list)) return [];
  const now = Date.now();
  return list.filter((l) => l && typeof l.recording === 'string' && typeof l.url === 'string'
    && !(typeof l.expires_at === 'string' && Date.parse(l.expires_at) <= now));
}

/**
 * Adds what the server said about recordings (a `recording_ready`, or the ready entries of /recording-links) to the
 * room's kept links; a later word on the same recording fills in what the first lacked (when it started, how long).
 * @param {string} roomId
 * @param {RecordingNews[]} news
 * @param {string} origin the page's origin: links come relative to the room router
 * @returns {RecordingLink[]} the room's links now
 */
export function keepRecordings(roomId, news, origin) {
  const list = keptRecordings(roomId);
  for (const n of news) {
    if (typeof n.recording !== 'string' || typeof n.url !== 'string' || (n.state !== undefined && n.state !== 'ready')) continue;
    let url;
    try { url = new URL(n.url, origin).href; } catch { continue; }
    const known = list.find((l) => l.recording === n.recording);
    const link = known ?? { recording: n.recording, url, expires_at: null, started_at: null, duration_seconds: null, got_at: new Date().toISOString() };
    link.url = url; // the newest link is signed the latest
    if (typeof n.expires_at === 'string') link.expires_at = n.expires_at;
    if (typeof n.started_at === 'string') link.started_at = n.started_at;
    if (typeof n.duration_seconds === 'number') link.duration_seconds = n.duration_seconds;
    if (!known) list.push(link);
  }
  list.sort((a, b) => (a.started_at ?? a.got_at).localeCompare(b.started_at ?? b.got_at));
  try { localStorage.setItem(KEY_PREFIX + roomId, JSON.stringify(list)); } catch { /* storage off: this page still shows them */ }
  return list;
}

/**
 * "Recording of <date>, <m:ss>"; until the router said when it started, the time the link came stands in.
 * @param {RecordingLink} link
 */
export function recordingLabel(link) {
  const date = new Date(link.started_at ?? link.got_at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return link.duration_seconds === null ? `Recording of ${date}` : `Recording of ${date}, ${minutesAndSeconds(link.duration_seconds)}`;
}

/** @param {number} seconds */
function minutesAndSeconds(seconds) {
  const total = Math.max(0, Math.round(seconds));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
