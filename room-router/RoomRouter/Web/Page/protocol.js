// The avatar-stream.v2 wire format (docs/protocol.md): the handshake credential, binary media frames and the
// close codes that end a session.

export const SUBPROTOCOL = 'avatar-stream.v2';

/** Media kinds of a binary frame's first byte. */
export const MediaKind = Object.freeze({ video: 1, audio: 2, other: 3 });

/**
 * @typedef {{ session: string, secret: string, last_seq: number }} ResumeCredential
 * @typedef {{ ticket: string, resume?: ResumeCredential } | { room_id: string, resume: ResumeCredential }} Credential
 */

const encoder = new TextEncoder();

/**
 * The subprotocols of a browser socket: v2 and the credential as base64url JSON (a browser cannot set headers).
 * @param {Credential} credential
 * @returns {string[]}
 */
export function authProtocols(credential) {
  const bytes = encoder.encode(JSON.stringify(credential));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const b64 = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return [SUBPROTOCOL, `avatar-stream.auth.${b64}`];
}

/**
 * A client media frame: [kind][layer] + payload.
 * @param {number} kind
 * @param {number} layer
 * @param {ArrayBuffer | Uint8Array} payload
 * @returns {Uint8Array}
 */
export function encodeMedia(kind, layer, payload) {
  const body = payload instanceof Uint8Array ? payload : new Uint8Array(payload);
  const out = new Uint8Array(2 + body.byteLength);
  out[0] = kind;
  out[1] = layer;
  out.set(body, 2);
  return out;
}

/**
 * A server media frame: [kind][layer][sender u16 big-endian] + payload; null when too short.
 * @param {ArrayBuffer} buffer
 * @returns {{ kind: number, layer: number, sender: number, payload: Uint8Array } | null}
 */
export function decodeMedia(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 4) return null;
  return { kind: bytes[0], layer: bytes[1], sender: (bytes[2] << 8) | bytes[3], payload: bytes.subarray(4) };
}

/**
 * Close codes after which the session is over and the page must not reconnect (protocol section 10), in plain words.
 * Every other code asks for a reconnect: 1006 a drop and 1008 too slow resume, 1001 (the instance drains or the room
 * moved to another) asks join-room where the room is now.
 * @type {ReadonlyMap<number, { code: string, text: string }>}
 */
export const TERMINAL_CLOSES = new Map([
  [1000, { code: 'closed', text: 'The server closed the connection.' }],
  [1007, { code: 'protocol-error', text: 'The connection broke down (a message the server could not read).' }],
  [1009, { code: 'protocol-error', text: 'The connection broke down (a message too large for the server).' }],
  [4000, { code: 'replaced', text: 'Opened in another tab or window, which has the room now.' }],
  [4001, { code: 'ended', text: 'The host ended the room.' }],
  [4003, { code: 'removed', text: 'A host removed you from the room.' }],
  [4004, { code: 'denied', text: 'The host did not let you in.' }],
  [4005, { code: 'knock-timeout', text: 'Nobody let you in in time.' }],
]);

/** The close code a policy close asks for a pause before the first reconnect. */
export const CLOSE_POLICY = 1008;

/** The close code of a draining instance or a moved room: the seat is wherever join-room places the room now. */
export const CLOSE_GOING_AWAY = 1001;
