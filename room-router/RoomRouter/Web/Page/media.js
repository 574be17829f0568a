// What members see and hear of each other. The app talks to media only through the object createMedia returns.
// This module decides the path of each pair and hands the work to one module per job:
//   capture.js      the local microphone and camera, mute state and speaking flag
//   p2p.js          one RTCPeerConnection per pair while the room is small (media-settings.js: P2P_MAX_MEMBERS)
//                   and not recording: the recorder only sees what goes through the relay
//   relay-video.js  JPEG layers through the relay for the pairs that are not connected directly
//   relay-audio.js  Opus through the relay (WebCodecs) for the same pairs
// The drawn avatar's poses go to everyone as `data` messages; mode, colour and mute ride in the meta. Whether another
// member speaks is measured from the sound that arrives (not sent as meta: that would be an event per breath).

import { MediaKind } from './protocol.js';
import { drawAvatar, randomHue } from './avatar.js';
import { createCapture, SPEAKING_LEVEL } from './capture.js';
import { PeerLink, isSignal } from './p2p.js';
import { createRelayVideoPublisher, showRelayFrame, SMALL_LAYER, LARGE_LAYER } from './relay-video.js';
import { createRelayAudio } from './relay-audio.js';
import { mediaSettings } from './media-settings.js';

/**
 * @typedef {import('./connection.js').Connection} Connection
 * @typedef {import('./room-state.js').RoomState} RoomState
 * @typedef {typeof import('./view.js')} View
 * @typedef {import('./p2p.js').SignalMessage} SignalMessage
 * @typedef {import('./p2p.js').LocalTracks} LocalTracks
 * @typedef {'camera' | 'avatar' | 'off'} Mode
 * @typedef {'relay' | 'p2p'} MediaPath
 * @typedef {{ x: number, y: number, level: number }} Pose
 * @typedef {{ mode?: Mode, width?: number, height?: number, fps?: number }} MediaOptions
 * @typedef {{
 *   start(options: MediaOptions): Promise<void>,
 *   stop(): void,
 *   onData(from: number, data: unknown): void,
 *   onMedia(from: number, kind: number, layer: number, bytes: Uint8Array): void,
 *   onLayersWanted(layers: number[]): void,
 *   setMic(on: boolean): void,
 *   setCamera(on: boolean): Promise<void>,
 *   setAvatar(on: boolean): void,
 *   pathOf(member: number): MediaPath,
 *   readonly mode: Mode,
 *   readonly micOn: boolean,
 *   readonly dropped: number,
 * }} Media
 */

const POSE_EVERY_MS = 66; // at most ~15 pose messages a second, however fast the pointer moves
const STATS_EVERY_MS = 1000;
const P2P_RETRY_MS = 20_000; // a pair whose direct connection failed tries again after this long (on the relay meanwhile)
const MAX_FEEDS = 49; // the protocol's cap on video feeds per subscription
const BIG_TILES_UP_TO = 2; // with this few remote tiles, each is shown large: ask for the large layer
const SPEAKING_MOUTH = 0.6;
const HEARD_FOR_MS = 1200; // a remote tile shows "speaking" this long after loud sound: direct links are polled each second

/**
 * @param {{ connection: Connection, room: RoomState, view: View }} parts
 * @returns {Media}
 */
export function createMedia({ connection, room, view }) {
  /** @type {Mode} */
  let mode = 'off';
  let width = 320, height = 240, fps = 10;
  let sentPoses = 0;
  const hue = randomHue();
  /** @type {Pose} */
  const pose = { x: 0.5, y: 0.5, level: 0 };
  /** @type {Map<number, Pose>} */
  const poses = new Map();
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let frameTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let poseTimer;
  let posePending = false;
  let stopped = false;
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  /** @type {MediaStreamTrack | null} */
  let cameraTrack = null;
  /** @type {MediaStreamTrack | null} */
  let avatarTrack = null;
  /** @type {Map<number, PeerLink>} */
  const links = new Map();
  /** Pairs whose direct connection failed or timed out, and when they may try again; on the relay until then. */
  /** @type {Map<number, number>} */
  const failedPairs = new Map();
  /** What each direct link plays: the video in the member's tile, the sound in an audio element of its own. */
  /** @type {Map<number, { video: HTMLVideoElement, sound: HTMLAudioElement }>} */
  const p2pPlayers = new Map();
  let lastFeeds = '';
  /** When each member was last heard above the speaking level. @type {Map<number, number>} */
  const lastHeard = new Map();

  const capture = createCapture({ onSpeaking });
  const relayVideo = createRelayVideoPublisher(connection);
  const relayAudio = createRelayAudio({
    connection,
    onDecoded: (from, level) => {
      bump(view.tileOf(from).tile, 'audioFrames');
      heard(from, level);
    },
  });
  const statsTimer = setInterval(showStats, STATS_EVERY_MS);

  room.listen((m) => {
    if (m.type === 'welcome') {
      // A fresh welcome is a new start: tell the room our state again, and where the avatar stands.
      announce();
      sendPose();
      lastFeeds = '';
    } else if (m.type === 'member_joined' && mode === 'avatar') {
      sendPose([Number(m.member)]);
    } else if (m.type === 'member_left') {
      failedPairs.delete(Number(m.member));
      relayAudio.forget(Number(m.member));
    }
    if (m.type === 'welcome' || m.type === 'resumed') {
      // Signals sent while we were away are lost: links that had not connected start over, failed pairs try again.
      failedPairs.clear();
      for (const [member, link] of links) if (!link.connected) dropLink(member);
      setTimeout(updatePaths, 0); // once the connection is live again
    }
    for (const member of room.members.values()) if (member.member !== room.me) showRemote(member.member);
    updatePaths();
  });
  wireAvatarInput(view.selfTile().canvas);

  function myName() { return room.self?.name ?? 'You'; }

  /** @returns {number[]} */
  function remotes() { return [...room.members.keys()].filter((m) => m !== room.me); }

  /** @param {number} member @param {number} level */
  function heard(member, level) {
    const now = performance.now();
    if (level > SPEAKING_LEVEL) lastHeard.set(member, now);
    const speaking = now - (lastHeard.get(member) ?? -Infinity) < HEARD_FOR_MS;
    const { tile } = view.tileOf(member);
    if (tile.dataset.speaking !== String(speaking)) tile.dataset.speaking = String(speaking);
  }

  /** @param {HTMLElement} tile @param {string} counter */
  function bump(tile, counter) { tile.dataset[counter] = String(Number(tile.dataset[counter] ?? 0) + 1); }

  function announce() {
    if (!room.me || room.waiting) return;
    connection.send({ type: 'set_meta', meta: { mode, hue, muted: !capture.micOn } });
  }

  /** @param {boolean} speaking */
  function onSpeaking(speaking) {
    view.selfTile().tile.dataset.speaking = String(speaking);
    if (mode === 'avatar') {
      pose.level = speaking ? SPEAKING_MOUTH : 0;
      drawAvatar(view.selfTile().canvas, pose, hue, myName());
      sendPose();
    }
  }

  /** @param {Mode} next */
  function setMode(next) {
    mode = next;
    view.setMode(next);
    if (next === 'off') view.drawIdle(view.selfTile().canvas, myName());
    announce();
    refreshTracks();
  }

  /** How another member's tile looks from its meta: its mode (until a frame or pose comes) and mute. @param {number} member */
  function showRemote(member) {
    const meta = room.members.get(member)?.meta ?? {};
    const remoteMode = meta.mode === 'camera' || meta.mode === 'avatar' ? meta.mode : 'off';
    const { tile, canvas } = view.tileOf(member);
    tile.dataset.muted = String(meta.muted === true);
    if (tile.dataset.mode === remoteMode) return;
    tile.dataset.mode = remoteMode;
    const name = room.members.get(member)?.name ?? 'Guest';
    if (remoteMode === 'avatar') drawAvatar(canvas, poses.get(member) ?? { x: 0.5, y: 0.5, level: 0 }, hueOf(member), name);
    else if (remoteMode === 'off') view.drawIdle(canvas, name);
  }

  /** @param {number} member */
  function hueOf(member) {
    const h = room.members.get(member)?.meta?.hue;
    return typeof h === 'number' ? h : 200;
  }

  // ---- paths: peer-to-peer while the room is small, the relay otherwise, while recording or when a pair cannot connect ----

  /** @param {number} member @returns {MediaPath} */
  function pathOf(member) {
    return links.get(member)?.connected ? 'p2p' : 'relay';
  }

  /** While the room is recorded every pair is relayed, or the recording would miss what a direct pair sends. @param {number} member */
  function wantsP2P(member) {
    const p2pMax = mediaSettings.p2pMax;
    return p2pMax > 0 && room.members.size <= p2pMax && !room.recording && !failedPairs.has(member) && room.members.has(member);
  }

  /** @returns {LocalTracks} */
  function localTracks() {
    const videoTrack = mode === 'camera' ? cameraTrack : mode === 'avatar' ? avatarTrack : null;
    return { audio: capture.micTrack, video: videoTrack };
  }

  function refreshTracks() {
    if (mode === 'avatar' && !avatarTrack) avatarTrack = view.selfTile().canvas.captureStream(fps).getVideoTracks()[0] ?? null;
    for (const link of links.values()) link.setTracks(localTracks());
  }

  /** @param {number} member */
  function openLink(member) {
    const link = new PeerLink({
      me: room.me,
      peer: member,
      iceServers: mediaSettings.iceServers,
      tracks: localTracks(),
      send: (data) => { connection.send({ type: 'data', to: [member], data }); },
      onStream: (stream) => showP2P(member, stream),
      onConnected: () => updatePaths(),
      onEnded: (failed) => {
        if (links.get(member) !== link) return;
        if (failed) failedPairs.set(member, performance.now() + P2P_RETRY_MS);
        dropLink(member, false);
        updatePaths();
      },
    });
    links.set(member, link);
    return link;
  }

  /** @param {number} member @param {boolean} [tell] tell the other side (it moves the pair to the relay too) */
  function dropLink(member, tell = true) {
    const link = links.get(member);
    links.delete(member);
    if (tell) link?.close(false);
    const players = p2pPlayers.get(member);
    p2pPlayers.delete(member);
    if (players) players.video.srcObject = players.sound.srcObject = null;
  }

  /** @param {number} member @param {MediaStream} stream */
  function showP2P(member, stream) {
    let players = p2pPlayers.get(member);
    if (!players) {
      players = { video: view.tileVideo(view.tileOf(member).tile), sound: new Audio() };
      p2pPlayers.set(member, players);
    }
    for (const player of [players.video, players.sound]) {
      if (player.srcObject !== stream) { player.srcObject = stream; player.play().catch(() => {}); }
    }
  }

  /** After any change of the room or of a link: open and close links, mark tiles, subscribe, decide relay audio. */
  function updatePaths() {
    if (!room.me || stopped) return;
    const live = connection.state === 'live';
    for (const member of remotes()) {
      const want = wantsP2P(member);
      if (want && !links.has(member) && live && room.members.get(member)?.state === 'connected') openLink(member);
      else if (!want && links.has(member)) dropLink(member);
    }
    for (const member of [...links.keys()]) if (!room.members.has(member)) dropLink(member, false);
    const relayed = remotes().filter((m) => pathOf(m) === 'relay');
    for (const member of remotes()) {
      const { tile } = view.tileOf(member);
      tile.dataset.path = pathOf(member);
      tile.dataset.rtc = links.get(member)?.state ?? 'none';
    }
    subscribe(relayed);
    // The recorder listens on the relay even when nobody else does (a member alone in a recorded room).
    relayAudio.setSending((relayed.length > 0 || room.recording) && capture.micOn);
    view.setSoundNote(relayed.length > 0 && !relayAudio.supported ? 'Sound through the relay needs a browser with WebCodecs.' : '');
  }

  /** Relay video only from members not connected directly; the large layer only while tiles are big. @param {number[]} relayed */
  function subscribe(relayed) {
    const layer = remotes().length <= BIG_TILES_UP_TO ? LARGE_LAYER : SMALL_LAYER;
    const feeds = relayed.sort((a, b) => a - b).slice(0, MAX_FEEDS).map((member) => ({ member, layer }));
    const key = JSON.stringify(feeds);
    if (key !== lastFeeds && connection.send({ type: 'subscribe', feeds })) lastFeeds = key;
  }

  /** Per tile: path, frames, and for direct pairs what getStats says (frames decoded, audio samples, round trip). */
  async function showStats() {
    const now = performance.now();
    const due = [...failedPairs].filter(([, retryAt]) => retryAt <= now);
    for (const [member] of due) failedPairs.delete(member);
    if (due.length > 0) updatePaths();
    for (const member of remotes()) {
      const { tile } = view.tileOf(member);
      const link = links.get(member);
      if (link?.connected) {
        const s = await link.stats().catch(() => null);
        if (!s) continue;
        tile.dataset.p2pFrames = String(s.framesDecoded);
        tile.dataset.p2pAudio = String(s.audioSamples);
        heard(member, s.audioLevel);
        if (s.rttMs !== null) tile.dataset.rtt = String(s.rttMs); else delete tile.dataset.rtt;
        view.setTileInfo(tile, `P2P · ${s.framesDecoded} frames${s.rttMs !== null ? ` · ${s.rttMs} ms` : ''}`);
      } else {
        heard(member, 0); // ends "speaking" on a member who fell silent
        view.setTileInfo(tile, `relay · ${tile.dataset.frames ?? 0} frames`);
      }
    }
  }

  // ---- camera, avatar and microphone ----

  async function startCamera() {
    if (!navigator.mediaDevices?.getUserMedia) {
      view.showError('This browser cannot use a camera here. Using avatar mode instead.', 'camera-denied');
      startAvatar();
      return;
    }
    let stream;
    try {
      stream = await capture.openCamera(width, height);
    } catch (e) {
      const name = e instanceof DOMException ? e.name : '';
      const denied = name === 'NotAllowedError' || name === 'SecurityError';
      view.showError(denied ? 'Camera access was denied. Using avatar mode instead; allow the camera in your browser to use it.'
        : 'No camera could be opened. Using avatar mode instead.', 'camera-denied');
      startAvatar();
      return;
    }
    if (stopped) { stopCamera(); return; }
    cameraTrack = stream.getVideoTracks()[0] ?? null;
    video.srcObject = stream;
    await video.play().catch(() => {});
    setMode('camera');
    restartFrames();
  }

  /** Camera mode: each tick draws the camera on our tile and hands that to the relay publisher. */
  function restartFrames() {
    clearInterval(frameTimer);
    if (mode !== 'camera') return;
    frameTimer = setInterval(() => {
      if (video.readyState < 2) return;
      const self = view.selfTile().canvas;
      if (self.width !== width || self.height !== height) { self.width = width; self.height = height; }
      self.getContext('2d')?.drawImage(video, 0, 0, width, height);
      relayVideo.publish(self);
    }, Math.round(1000 / fps));
  }

  function stopCamera() {
    clearInterval(frameTimer);
    capture.closeCamera();
    cameraTrack = null;
    video.srcObject = null;
    if (mode === 'camera') setMode('off');
  }

  async function startMic() {
    const ok = await capture.openMic();
    const track = capture.micTrack;
    if (stopped) return;
    if (ok && track) relayAudio.start(track);
    view.setMic(capture.micOn, ok);
    announce();
    refreshTracks();
    updatePaths();
  }

  function startAvatar() {
    stopCamera();
    setMode('avatar');
    drawAvatar(view.selfTile().canvas, pose, hue, myName());
    sendPose();
  }

  /** @param {number} x @param {number} y */
  function movePose(x, y) {
    pose.x = clamp01(x);
    pose.y = clamp01(y);
    drawAvatar(view.selfTile().canvas, pose, hue, myName());
    if (poseTimer) { posePending = true; return; }
    sendPose();
    poseTimer = setTimeout(function next() {
      poseTimer = undefined;
      if (posePending) { posePending = false; sendPose(); poseTimer = setTimeout(next, POSE_EVERY_MS); }
    }, POSE_EVERY_MS);
  }

  /** @param {number[]} [to] only these members (a newcomer); everyone when absent */
  function sendPose(to) {
    if (mode !== 'avatar' || connection.state !== 'live') return;
    const data = { kind: 'pose', x: round3(pose.x), y: round3(pose.y), level: round3(pose.level) };
    if (connection.send(to ? { type: 'data', to, data } : { type: 'data', data })) {
      sentPoses += 1;
      document.body.dataset.sentPoses = String(sentPoses);
    }
  }

  /** @param {HTMLCanvasElement} canvas */
  function wireAvatarInput(canvas) {
    /** @param {PointerEvent} e */
    const fromEvent = (e) => {
      const r = canvas.getBoundingClientRect();
      movePose((e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
    };
    let dragging = false;
    canvas.addEventListener('pointerdown', (e) => {
      if (mode !== 'avatar') return;
      dragging = true;
      canvas.setPointerCapture(e.pointerId);
      fromEvent(e);
    });
    canvas.addEventListener('pointermove', (e) => { if (dragging && mode === 'avatar') fromEvent(e); });
    const stop = () => { dragging = false; };
    canvas.addEventListener('pointerup', stop);
    canvas.addEventListener('pointercancel', stop);
    canvas.addEventListener('keydown', (e) => {
      if (mode !== 'avatar') return;
      const step = e.shiftKey ? 0.1 : 0.03;
      /** @type {Record<string, [number, number]>} */
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const m = moves[e.key];
      if (!m) return;
      e.preventDefault();
      movePose(pose.x + m[0], pose.y + m[1]);
    });
  }

  /** @param {number} from @param {unknown} data */
  function showPose(from, data) {
    const d = /** @type {{ x?: unknown, y?: unknown, level?: unknown }} */ (data);
    const p = { x: clamp01(d.x), y: clamp01(d.y), level: clamp01(d.level ?? 0) };
    poses.set(from, p);
    const name = room.members.get(from)?.name ?? 'Guest';
    const { tile, canvas } = view.tileOf(from, name);
    bump(tile, 'poses');
    tile.dataset.poseX = String(p.x);
    tile.dataset.poseY = String(p.y);
    tile.dataset.mode = 'avatar';
    drawAvatar(canvas, p, hueOf(from), name);
  }

  /** @param {number} from @param {SignalMessage} m */
  function onSignal(from, m) {
    let link = links.get(from);
    if (m.to_link !== null && m.to_link !== link?.id) return; // meant for an older link of ours
    if (link && link.remoteId !== null && link.remoteId !== m.link) {
      if (m.rtc !== 'offer') return; // from an older link of theirs
      dropLink(from, false); // their side started over: so do we
      link = undefined;
    }
    if (!link) {
      if (m.rtc !== 'offer') return;
      // The other side tries again: so do we, or two sides whose retries fall out of step would never meet.
      failedPairs.delete(from);
      if (!wantsP2P(from)) return;
      link = openLink(from);
    }
    link.receive(m);
  }

  return {
    get mode() { return mode; },
    get micOn() { return capture.micOn; },
    get dropped() { return relayVideo.dropped; },

    async start(options) {
      stopped = false;
      width = options.width ?? width;
      height = options.height ?? height;
      fps = options.fps ?? fps;
      const wanted = options.mode ?? mode;
      const mic = startMic();
      if (wanted === 'camera' && mode === 'camera') restartFrames();
      else if (wanted === 'camera') await startCamera();
      else if (wanted === 'avatar') startAvatar();
      else setMode('off');
      await mic;
    },

    stop() {
      stopped = true;
      for (const member of [...links.keys()]) dropLink(member);
      stopCamera();
      capture.close();
      relayAudio.stop();
      avatarTrack?.stop();
      avatarTrack = null;
      clearTimeout(poseTimer);
      clearInterval(statsTimer);
      mode = 'off';
      document.body.dataset.mode = 'off';
    },

    onData(from, data) {
      if (isSignal(data)) onSignal(from, data);
      else if (data && typeof data === 'object' && /** @type {{ kind?: unknown }} */ (data).kind === 'pose') showPose(from, data);
    },

    onMedia(from, kind, layer, bytes) {
      if (!room.members.has(from)) return;
      if (kind === MediaKind.video) {
        const { tile, canvas } = view.tileOf(from, room.members.get(from)?.name);
        showRelayFrame(tile, canvas, layer, bytes);
      } else if (kind === MediaKind.audio && pathOf(from) === 'relay') {
        relayAudio.receive(from, bytes); // over P2P we hear this member directly
      }
    },

    onLayersWanted(layers) { relayVideo.setWanted(layers); },

    setMic(on) {
      capture.setMic(on);
      view.setMic(capture.micOn, capture.micTrack !== null);
      announce();
      updatePaths();
    },

    async setCamera(on) {
      if (on) await startCamera(); else stopCamera();
    },

    setAvatar(on) {
      if (on) startAvatar(); else if (mode === 'avatar') setMode('off');
    },

    pathOf(member) {
      if (member !== room.me) return pathOf(member);
      const others = remotes();
      return others.length > 0 && others.every((m) => pathOf(m) === 'p2p') ? 'p2p' : 'relay';
    },
  };
}

/** @param {unknown} v */
function clamp01(v) { const n = Number(v); return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5; }
/** @param {number} v */
function round3(v) { return Math.round(v * 1000) / 1000; }
