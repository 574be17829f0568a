// One RTCPeerConnection to one other member, signalled through v2 `data` messages ({rtc: 'offer' | 'answer' | 'ice'
// | 'bye'}), with the perfect-negotiation pattern: when both sides offer at once, the polite side (the higher member
// number) rolls its offer back and answers, the impolite side ignores the other offer. Every message names the
// sender's link and the link it is meant for, so messages of an older link (before a reload or a restart) are
// ignored, and an offer from a new link of the other side replaces ours.

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * @typedef {{ rtc: 'offer' | 'answer', sdp: string } | { rtc: 'ice', candidate: RTCIceCandidateInit } | { rtc: 'bye', failed: boolean }} Signal
 * @typedef {Signal & { link: string, to_link: string | null }} SignalMessage
 * @typedef {{ audio: MediaStreamTrack | null, video: MediaStreamTrack | null }} LocalTracks
 * @typedef {{ framesDecoded: number, audioSamples: number, audioLevel: number, rttMs: number | null }} PeerStats
 * @typedef {{
 *   me: number,
 *   peer: number,
 *   iceServers: RTCIceServer[],
 *   tracks: LocalTracks,
 *   send: (data: SignalMessage) => void,
 *   onStream: (stream: MediaStream) => void,
 *   onConnected: () => void,
 *   onEnded: (failed: boolean) => void,
 * }} PeerLinkOptions
 */

/** @param {unknown} data @returns {data is SignalMessage} */
export function isSignal(data) {
  const d = /** @type {{ rtc?: unknown, link?: unknown }} */ (data);
  return !!data && typeof data === 'object' && typeof d.rtc === 'string' && typeof d.link === 'string';
}

export class PeerLink {
  /** This side's id of the link, sent with every message. */
  id = Math.random().toString(36).slice(2, 10);
  /** The other side's id, once a message from it came. @type {string | null} */
  remoteId = null;
  connected = false;
  closed = false;

  /** @type {PeerLinkOptions} */ #o;
  #pc;
  #polite;
  #makingOffer = false;
  #ignoreOffer = false;
  #answerPending = false;
  #stream = new MediaStream();
  /** @type {Map<string, RTCRtpSender>} */ #senders = new Map();
  /** Signals are handled one after another: each may await the peer connection. */
  #queue = Promise.resolve();
  /** @type {ReturnType<typeof setTimeout> | undefined} */ #timer;

  /** @param {PeerLinkOptions} options */
  constructor(options) {
    this.#o = options;
    this.#polite = options.me > options.peer;
    const pc = new RTCPeerConnection({ iceServers: options.iceServers });
    this.#pc = pc;
    for (const [kind, track] of Object.entries(options.tracks)) {
      if (track) this.#senders.set(kind, pc.addTrack(track, this.#stream));
      else pc.addTransceiver(kind, { direction: 'recvonly' });
    }
    pc.onnegotiationneeded = async () => {
      try {
        this.#makingOffer = true;
        await pc.setLocalDescription();
        this.#sendDescription();
      } catch { /* the link was closed meanwhile, or a newer negotiation won */ } finally {
        this.#makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => { if (candidate) this.#send({ rtc: 'ice', candidate: candidate.toJSON() }); };
    const remote = new MediaStream();
    pc.ontrack = ({ track }) => {
      remote.addTrack(track);
      options.onStream(remote);
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected' && !this.connected) {
        this.connected = true;
        clearTimeout(this.#timer);
        options.onConnected();
      } else if (pc.connectionState === 'failed') {
        this.#fail();
      }
    };
    // ICE that does not connect in time will not: the pair goes through the relay instead.
    this.#timer = setTimeout(() => { if (!this.connected) this.#fail(); }, CONNECT_TIMEOUT_MS);
  }

  get state() { return this.#pc.connectionState; }

  /** @param {SignalMessage} message */
  receive(message) {
    this.#queue = this.#queue.then(() => this.#handle(message)).catch(() => { /* a stale or broken signal: skip it */ });
  }

  /**
   * Swaps what this side sends (camera, avatar canvas or nothing) without a new negotiation where a sender exists.
   * @param {LocalTracks} tracks
   */
  setTracks(tracks) {
    for (const [kind, track] of Object.entries(tracks)) {
      const sender = this.#senders.get(kind);
      if (sender) sender.replaceTrack(track).catch(() => {});
      else if (track && !this.closed) this.#senders.set(kind, this.#pc.addTrack(track, this.#stream));
    }
  }

  /** @returns {Promise<PeerStats>} */
  async stats() {
    const report = await this.#pc.getStats();
    /** @type {PeerStats} */
    const out = { framesDecoded: 0, audioSamples: 0, audioLevel: 0, rttMs: null };
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') out.framesDecoded += s.framesDecoded ?? 0;
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        out.audioSamples += s.totalSamplesReceived ?? 0;
        out.audioLevel = Math.max(out.audioLevel, s.audioLevel ?? 0);
      }
      if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && typeof s.currentRoundTripTime === 'number') {
        out.rttMs = Math.round(s.currentRoundTripTime * 1000);
      }
    });
    return out;
  }

  /** Ends the link; tells the other side, so that it moves the pair to the relay at once too. @param {boolean} failed */
  close(failed = false) {
    if (this.closed) return;
    this.#send({ rtc: 'bye', failed });
    this.#shut();
  }

  #shut() {
    this.closed = true;
    this.connected = false;
    clearTimeout(this.#timer);
    this.#pc.close();
  }

  #fail() {
    if (this.closed) return;
    this.close(true);
    this.#o.onEnded(true);
  }

  /** @param {SignalMessage} m */
  async #handle(m) {
    if (this.closed) return;
    if (m.rtc === 'bye') {
      this.#shut();
      this.#o.onEnded(m.failed);
      return;
    }
    this.remoteId ??= m.link;
    if (m.rtc === 'ice') {
      try { await this.#pc.addIceCandidate(m.candidate); } catch (e) { if (!this.#ignoreOffer) throw e; }
      return;
    }
    const pc = this.#pc;
    const readyForOffer = !this.#makingOffer && (pc.signalingState === 'stable' || this.#answerPending);
    const collision = m.rtc === 'offer' && !readyForOffer;
    this.#ignoreOffer = !this.#polite && collision;
    if (this.#ignoreOffer) return;
    this.#answerPending = m.rtc === 'answer';
    await pc.setRemoteDescription({ type: m.rtc, sdp: m.sdp });
    this.#answerPending = false;
    if (m.rtc === 'offer') {
      await pc.setLocalDescription();
      this.#sendDescription();
    }
  }

  #sendDescription() {
    const d = this.#pc.localDescription;
    if (d && (d.type === 'offer' || d.type === 'answer')) this.#send({ rtc: d.type, sdp: d.sdp });
  }

  /** @param {Signal} signal */
  #send(signal) {
    this.#o.send({ ...signal, link: this.id, to_link: this.remoteId });
  }
}
