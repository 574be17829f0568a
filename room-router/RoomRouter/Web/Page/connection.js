// The v2 socket of one seat and its state machine:
//   connecting -> live | waiting (lobby) ; live/waiting -> reconnecting -> live ... ; any -> closed (for good).
// The first socket shows the seat's one-time ticket; a dropped socket comes back with the resume secret alone, and when
// that is refused (a browser cannot see the 401 or 503, only that the socket never opened) join-room gives a new ticket
// for the same seat, shown beside the resume. After 1001 (the instance drains or the room moved) join-room is asked at
// once, and its ticket may name another instance. Close codes of TERMINAL_CLOSES end the session and are never retried.

import { SUBPROTOCOL, authProtocols, encodeMedia, decodeMedia, TERMINAL_CLOSES, CLOSE_POLICY, CLOSE_GOING_AWAY } from './protocol.js';
import { rejoin } from './router-api.js';

/**
 * @typedef {import('./router-api.js').Seat} Seat
 * @typedef {import('./protocol.js').Credential} Credential
 * @typedef {'connecting' | 'waiting' | 'live' | 'reconnecting' | 'closed'} ConnectionState
 * @typedef {{ type: string, seq?: number, [field: string]: any }} ServerMessage
 * @typedef {{ code: string, text: string }} Ending why a session is over, in plain words
 * @typedef {{
 *   joinKey: string,
 *   onState: (state: ConnectionState, ending: Ending | null) => void,
 *   onMessage: (message: ServerMessage) => void,
 *   onMedia: (from: number, kind: number, layer: number, bytes: Uint8Array) => void,
 *   onSeat: (seat: Seat) => void,
 * }} ConnectionOptions
 */

const PING_EVERY_MS = 3000;
// A restart of the whole system can take a minute or more on a busy machine; the router keeps the seat meanwhile.
const GIVE_UP_AFTER_MS = 180_000;
const FIRST_STEP_MS = 250;
const LONGEST_STEP_MS = 10_000;
const PAUSE_AFTER_POLICY_CLOSE_MS = 2000;
// Media beyond this much unsent data is dropped rather than queued: late video is worse than missing video.
const MAX_BUFFERED_BYTES = 512 * 1024;

export class Connection {
  /** @type {ConnectionState} */
  state = 'connecting';
  /** @type {Ending | null} */
  ending = null;
  /** Round-trip time of the last ping, in ms. @type {number | null} */
  rtt = null;

  /** @type {Seat} */ #seat;
  /** @type {ConnectionOptions} */ #options;
  /** @type {WebSocket | null} */ #ws = null;
  #ticketFresh = true;
  #needTicket = false;
  /** @type {{ session: string, secret: string } | null} */ #resume = null;
  #lastSeq = 0;
  #attempt = 0;
  #outageStart = 0;
  #dropping = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */ #retryTimer;
  /** @type {ReturnType<typeof setInterval> | undefined} */ #pingTimer;

  /**
   * @param {Seat} seat
   * @param {ConnectionOptions} options
   */
  constructor(seat, options) {
    this.#seat = seat;
    this.#options = options;
  }

  get seat() { return this.#seat; }

  start() {
    this.#setState('connecting');
    this.#open();
  }

  /**
   * Sends a control message; false when no socket is open.
   * @param {{ type: string, [field: string]: unknown }} message
   */
  send(message) {
    const ws = this.#ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  /**
   * Sends a media frame while live; false when it was dropped (not live, or the socket is behind).
   * @param {number} kind
   * @param {number} layer
   * @param {ArrayBuffer | Uint8Array} payload
   */
  sendMedia(kind, layer, payload) {
    const ws = this.#ws;
    if (this.state !== 'live' || !ws || ws.readyState !== WebSocket.OPEN || ws.bufferedAmount > MAX_BUFFERED_BYTES) return false;
    ws.send(encodeMedia(kind, layer, payload));
    return true;
  }

  /** Leaves the room at once (close 1000: the others see the member leave). */
  leave() {
    const ws = this.#ws;
    this.#end({ code: 'left', text: 'You left the room.' });
    ws?.close(1000, 'left');
  }

  /** Drops the socket as a network fault would (a close code that is neither 1000 nor terminal): it resumes. */
  drop() {
    if (!this.#ws) return;
    this.#dropping = true;
    this.#ws.close(4999, 'dropped');
  }

  /** @returns {Credential | null} */
  #credential() {
    if (this.#ticketFresh) {
      this.#ticketFresh = false; // a ticket opens one socket, even a refused one
      const resume = this.#resumeCredential();
      return resume ? { ticket: this.#seat.ticket, resume } : { ticket: this.#seat.ticket };
    }
    const resume = this.#resumeCredential();
    return resume && !this.#needTicket ? { room_id: this.#seat.room_id, resume } : null;
  }

  #resumeCredential() {
    return this.#resume ? { ...this.#resume, last_seq: this.#lastSeq } : null;
  }

  async #open() {
    let credential = this.#credential();
    if (!credential) {
      const result = await rejoin(this.#seat.room_id, this.#seat.client_id, this.#options.joinKey);
      if (this.state === 'closed') return;
      if (result.error) {
        if (result.error.final) this.#end(result.error); else this.#lost(false, false);
        return;
      }
      this.#seat = result.seat;
      this.#options.onSeat(result.seat);
      this.#ticketFresh = true;
      this.#needTicket = false;
      credential = /** @type {Credential} */ (this.#credential());
    }
    let ws;
    try {
      ws = new WebSocket(this.#seat.stream_url, authProtocols(credential));
    } catch {
      this.#lost(true, false);
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.#ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      if (ws.protocol !== SUBPROTOCOL) {
        this.#end({ code: 'protocol-error', text: 'The server did not accept this page\'s protocol.' });
        ws.close(1000);
        return;
      }
      this.#ping();
      clearInterval(this.#pingTimer);
      this.#pingTimer = setInterval(() => this.#ping(), PING_EVERY_MS);
    };
    ws.onmessage = (event) => {
      if (this.#ws !== ws) return;
      if (typeof event.data === 'string') this.#onText(event.data);
      else this.#onBinary(event.data);
    };
    ws.onclose = (event) => {
      if (this.#ws !== ws) return;
      this.#ws = null;
      clearInterval(this.#pingTimer);
      if (this.state === 'closed') return;
      const dropped = this.#dropping;
      this.#dropping = false;
      const terminal = dropped ? undefined : TERMINAL_CLOSES.get(event.code);
      if (terminal) this.#end(terminal);
      else this.#lost(!opened || event.code === CLOSE_GOING_AWAY, event.code === CLOSE_POLICY);
    };
  }

  #ping() {
    this.send({ type: 'ping', t: Math.round(performance.now()) });
  }

  /** @param {string} text */
  #onText(text) {
    /** @type {ServerMessage} */
    let m;
    try { m = JSON.parse(text); } catch { return; }
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    switch (m.type) {
      case 'welcome':
        this.#resume = { session: String(m.session), secret: String(m.resume?.secret) };
        this.#lastSeq = Number(m.seq) || 0;
        this.#options.onMessage(m);
        this.#back('live');
        return;
      case 'resumed':
        // Missed events first, in order, as if the socket had never dropped.
        for (const event of Array.isArray(m.missed) ? m.missed : []) this.#deliver(event);
        if (this.#resume && m.resume?.secret) this.#resume.secret = String(m.resume.secret);
        this.#lastSeq = Math.max(this.#lastSeq, Number(m.seq) || 0);
        this.#options.onMessage(m);
        this.#back('live');
        return;
      case 'waiting':
        this.#options.onMessage(m);
        this.#back('waiting');
        return;
      case 'pong':
        if (typeof m.t === 'number') this.rtt = Math.max(0, Math.round(performance.now() - m.t));
        this.#options.onMessage(m);
        return;
      default:
        this.#deliver(m);
    }
  }

  /** @param {ServerMessage} m */
  #deliver(m) {
    if (!m || typeof m.type !== 'string') return;
    if (typeof m.seq === 'number') this.#lastSeq = Math.max(this.#lastSeq, m.seq);
    this.#options.onMessage(m);
  }

  /** @param {ArrayBuffer} buffer */
  #onBinary(buffer) {
    const frame = decodeMedia(buffer);
    if (frame) this.#options.onMedia(frame.sender, frame.kind, frame.layer, frame.payload);
  }

  /** @param {ConnectionState} state */
  #back(state) {
    this.#attempt = 0;
    this.#outageStart = 0;
    this.#setState(state);
  }

  /**
   * The socket went away or never opened: try again after a backoff step.
   * @param {boolean} rejoin ask join-room first: the socket never opened (the instance may not know the resume, a 401,
   *   or may be draining, a 503), or it closed with 1001 (the room moves, so a resume there would be refused)
   * @param {boolean} pause the server asked for a pause (1008)
   */
  #lost(rejoin, pause) {
    if (rejoin) this.#needTicket = true;
    if (!this.#outageStart) this.#outageStart = Date.now();
    if (Date.now() - this.#outageStart > GIVE_UP_AFTER_MS) {
      this.#end({ code: 'lost', text: 'Lost the connection and could not get it back. Try joining again.' });
      return;
    }
    // Exponential steps, half fixed and half random, so members that dropped together do not return in lockstep.
    const step = Math.min(LONGEST_STEP_MS, FIRST_STEP_MS * 2 ** this.#attempt);
    let delay = step / 2 + Math.random() * step / 2;
    if (pause) delay = Math.max(delay, PAUSE_AFTER_POLICY_CLOSE_MS);
    this.#attempt += 1;
    this.#setState('reconnecting');
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => { if (this.state !== 'closed') this.#open(); }, delay);
  }

  /** @param {Ending} ending */
  #end(ending) {
    if (this.state === 'closed') return;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    this.ending = ending;
    this.#ws = null;
    this.#setState('closed');
  }

  /** @param {ConnectionState} state */
  #setState(state) {
    if (this.state === state && state !== 'reconnecting') return;
    this.state = state;
    this.#options.onState(state, this.ending);
  }
}
