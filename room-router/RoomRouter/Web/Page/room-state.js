// What the server says about the room: members, roles, names and states, the lobby's knocks (hosts only), the lock,
// whether it is being recorded, and who we are. Built from `welcome` and kept up by the numbered events; nothing here touches the DOM.

/**
 * @typedef {import('./connection.js').ServerMessage} ServerMessage
 * @typedef {'connected' | 'reconnecting' | string} MemberState
 * @typedef {{ member: number, name: string, role: string, state: MemberState, meta: Record<string, unknown> }} Member
 * @typedef {{ member: number, name: string }} Knock
 * @typedef {(message: ServerMessage, room: RoomState) => void} RoomListener
 */

export class RoomState {
  roomId = '';
  locked = false;
  /** True while the room's recorder is connected: every member is told (protocol section 4.3). */
  recording = false;
  hostPresent = true;
  /** ISO-8601 time when join-room stops taking new people, or null. @type {string | null} */
  joinClosesAt = null;
  /** Our own member number once welcomed (0 before). */
  me = 0;
  /** True between `waiting` and `welcome`: held in the lobby. */
  waiting = false;
  /** The last event number applied (protocol section 4.4). */
  seq = 0;
  /** @type {Map<number, Member>} */
  members = new Map();
  /** Knocks waiting for a host's answer, for hosts. @type {Map<number, Knock>} */
  knocks = new Map();
  /** @type {RoomListener[]} */
  #listeners = [];

  /** @returns {Member | undefined} */
  get self() { return this.members.get(this.me); }

  get isHost() { return this.self?.role === 'host'; }

  /** Called after each message that changed the room. @param {RoomListener} listener */
  listen(listener) {
    this.#listeners.push(listener);
  }

  /**
   * Applies one message from the server; events at or below the last seq are repeats and ignored.
   * @param {ServerMessage} m
   */
  apply(m) {
    if (typeof m.seq === 'number' && m.type !== 'welcome' && m.type !== 'resumed') {
      if (m.seq <= this.seq) return;
      this.seq = m.seq;
    }
    if (!this.#applyOne(m)) return;
    for (const listener of this.#listeners) listener(m, this);
  }

  /**
   * @param {ServerMessage} m
   * @returns {boolean} whether the room changed
   */
  #applyOne(m) {
    switch (m.type) {
      case 'welcome': {
        // A fresh snapshot replaces everything known before.
        this.roomId = String(m.room?.id ?? this.roomId);
        this.locked = Boolean(m.room?.locked);
        this.recording = m.room?.recording === true;
        this.hostPresent = m.room?.host_present !== false;
        this.joinClosesAt = typeof m.room?.join_closes_at === 'string' ? m.room.join_closes_at : null;
        this.me = Number(m.you?.member) || 0;
        this.waiting = false;
        this.seq = Number(m.seq) || 0;
        this.members = new Map();
        for (const member of Array.isArray(m.members) ? m.members : []) this.#put(member);
        this.knocks = new Map();
        for (const knock of Array.isArray(m.knocks) ? m.knocks : []) this.#knock(knock);
        return true;
      }
      case 'resumed':
        this.seq = Math.max(this.seq, Number(m.seq) || 0);
        return true;
      case 'waiting':
        this.roomId = String(m.room ?? this.roomId);
        this.hostPresent = m.host_present !== false;
        this.waiting = true;
        return true;
      case 'member_joined':
        this.#put(m);
        this.knocks.delete(Number(m.member));
        return true;
      case 'member_updated': {
        const member = this.members.get(Number(m.member));
        if (!member) return false;
        if (typeof m.state === 'string') member.state = m.state;
        if (typeof m.role === 'string') member.role = m.role;
        if (typeof m.name === 'string') member.name = m.name;
        if (m.meta && typeof m.meta === 'object') member.meta = m.meta;
        return true;
      }
      case 'member_left':
        return this.members.delete(Number(m.member));
      case 'room_updated':
        if (typeof m.locked === 'boolean') this.locked = m.locked;
        if (typeof m.recording === 'boolean') this.recording = m.recording;
        return true;
      case 'knock':
        this.#knock(m);
        return true;
      case 'knock_cancelled':
        return this.knocks.delete(Number(m.member));
      default:
        // data, pong, errors and anything newer: not about the room.
        return false;
    }
  }

  /** A host answered a knock: it is off the list at once (the deciding host gets no knock_cancelled). @param {number} member */
  decided(member) {
    if (this.knocks.delete(member)) for (const listener of this.#listeners) listener({ type: 'knock_decided', member }, this);
  }

  /** @param {any} m */
  #put(m) {
    const member = Number(m?.member);
    if (!member) return;
    this.members.set(member, {
      member,
      name: typeof m.name === 'string' && m.name ? m.name : 'Guest',
      role: typeof m.role === 'string' ? m.role : 'guest',
      state: typeof m.state === 'string' ? m.state : 'connected',
      meta: m.meta && typeof m.meta === 'object' ? m.meta : {},
    });
  }

  /** @param {any} m */
  #knock(m) {
    const member = Number(m?.member);
    if (member) this.knocks.set(member, { member, name: typeof m.name === 'string' && m.name ? m.name : 'Guest' });
  }
}
