// What members see of each other. The app talks to media only through the object createMedia returns, so that the
// transport can change behind it. For now everything goes through the relay: camera frames as JPEG video
// (kind 1, layer 0) and the drawn avatar's poses as `data` messages; the mode and colour ride in the member's meta.

import { MediaKind } from './protocol.js';
import { drawAvatar, randomHue } from './avatar.js';

/**
 * @typedef {import('./connection.js').Connection} Connection
 * @typedef {import('./room-state.js').RoomState} RoomState
 * @typedef {typeof import('./view.js')} View
 * @typedef {'camera' | 'avatar' | 'off'} Mode
 * @typedef {'relay' | 'p2p'} MediaPath
 * @typedef {{ x: number, y: number, level: number }} Pose
 * @typedef {{ mode?: Mode, width?: number, height?: number, fps?: number }} MediaOptions
 * @typedef {{
 *   start(options: MediaOptions): Promise<void>,
 *   stop(): void,
 *   onData(from: number, data: unknown): void,
 *   onMedia(from: number, kind: number, layer: number, bytes: Uint8Array): void,
 *   setMic(on: boolean): void,
 *   setCamera(on: boolean): Promise<void>,
 *   setAvatar(on: boolean): void,
 *   pathOf(member: number): MediaPath,
 *   readonly mode: Mode,
 *   readonly dropped: number,
 * }} Media
 */

const POSE_EVERY_MS = 66; // at most ~15 pose messages a second, however fast the pointer moves
const JPEG_QUALITY = 0.6;

/**
 * @param {{ connection: Connection, room: RoomState, view: View }} parts
 * @returns {Media}
 */
export function createMedia({ connection, room, view }) {
  /** @type {Mode} */
  let mode = 'off';
  let width = 320, height = 240, fps = 10;
  let dropped = 0, sentFrames = 0, sentPoses = 0;
  const hue = randomHue();
  /** @type {Pose} */
  const pose = { x: 0.5, y: 0.5, level: 0 };
  /** @type {Map<number, Pose>} */
  const poses = new Map();
  /** @type {MediaStream | null} */
  let stream = null;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let captureTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let poseTimer;
  let posePending = false;
  let stopped = false;
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  const capture = document.createElement('canvas');

  room.listen((m) => {
    if (m.type === 'welcome') {
      // A fresh welcome is a new start: tell the room our mode again, and where the avatar stands.
      announce();
      sendPose();
    } else if (m.type === 'member_joined' && mode === 'avatar') {
      sendPose([Number(m.member)]);
    }
    for (const member of room.members.values()) if (member.member !== room.me) showRemoteMode(member.member);
  });
  wireAvatarInput(view.selfTile().canvas);

  function myName() { return room.self?.name ?? 'You'; }

  function announce() {
    if (connection.state === 'live') connection.send({ type: 'set_meta', meta: { mode, hue } });
  }

  /** @param {Mode} next */
  function setMode(next) {
    mode = next;
    view.setMode(next);
    if (next === 'off') view.drawIdle(view.selfTile().canvas, myName());
    announce();
  }

  /** How another member's tile looks when no frame or pose has come yet: from its meta. @param {number} member */
  function showRemoteMode(member) {
    const meta = room.members.get(member)?.meta ?? {};
    const remoteMode = meta.mode === 'camera' || meta.mode === 'avatar' ? meta.mode : 'off';
    const { tile, canvas } = view.tileOf(member);
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

  async function startCamera() {
    if (!navigator.mediaDevices?.getUserMedia) {
      view.showError('This browser cannot use a camera here. Using avatar mode instead.', 'camera-denied');
      startAvatar();
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: width }, height: { ideal: height } }, audio: false });
    } catch (e) {
      const name = e instanceof DOMException ? e.name : '';
      const denied = name === 'NotAllowedError' || name === 'SecurityError';
      view.showError(denied ? 'Camera access was denied. Using avatar mode instead; allow the camera in your browser to use it.'
        : 'No camera could be opened. Using avatar mode instead.', 'camera-denied');
      startAvatar();
      return;
    }
    if (stopped) { stopCamera(); return; }
    video.srcObject = stream;
    await video.play().catch(() => {});
    setMode('camera');
    restartCapture();
  }

  function restartCapture() {
    clearInterval(captureTimer);
    if (mode !== 'camera') return;
    let busy = false;
    captureTimer = setInterval(() => {
      if (busy || video.readyState < 2) return;
      capture.width = width;
      capture.height = height;
      capture.getContext('2d')?.drawImage(video, 0, 0, width, height);
      const self = view.selfTile().canvas;
      if (self.width !== width || self.height !== height) { self.width = width; self.height = height; }
      self.getContext('2d')?.drawImage(capture, 0, 0);
      if (connection.state !== 'live') { dropped += 1; return; }
      busy = true;
      capture.toBlob(async (blob) => {
        try {
          if (!blob) return;
          if (connection.sendMedia(MediaKind.video, 0, await blob.arrayBuffer())) {
            sentFrames += 1;
            document.body.dataset.sentFrames = String(sentFrames);
          } else {
            dropped += 1;
          }
        } finally { busy = false; }
      }, 'image/jpeg', JPEG_QUALITY);
    }, Math.round(1000 / fps));
  }

  function stopCamera() {
    clearInterval(captureTimer);
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    video.srcObject = null;
    if (mode === 'camera') setMode('off');
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

  return {
    get mode() { return mode; },
    get dropped() { return dropped; },

    async start(options) {
      stopped = false;
      width = options.width ?? width;
      height = options.height ?? height;
      fps = options.fps ?? fps;
      const wanted = options.mode ?? mode;
      if (wanted === 'camera' && mode === 'camera') restartCapture();
      else if (wanted === 'camera') await startCamera();
      else if (wanted === 'avatar') startAvatar();
      else setMode('off');
    },

    stop() {
      stopped = true;
      stopCamera();
      clearTimeout(poseTimer);
      mode = 'off';
      document.body.dataset.mode = 'off';
    },

    onData(from, data) {
      if (!data || typeof data !== 'object' || /** @type {{ kind?: unknown }} */ (data).kind !== 'pose') return;
      const d = /** @type {{ x?: unknown, y?: unknown, level?: unknown }} */ (data);
      const p = { x: clamp01(d.x), y: clamp01(d.y), level: clamp01(d.level ?? 0) };
      poses.set(from, p);
      const name = room.members.get(from)?.name ?? 'Guest';
      const { tile, canvas } = view.tileOf(from, name);
      tile.dataset.poses = String(Number(tile.dataset.poses ?? 0) + 1);
      tile.dataset.poseX = String(p.x);
      tile.dataset.poseY = String(p.y);
      tile.dataset.mode = 'avatar';
      drawAvatar(canvas, p, hueOf(from), name);
    },

    onMedia(from, kind, layer, bytes) {
      if (kind !== MediaKind.video || !room.members.has(from)) return;
      const { tile, canvas } = view.tileOf(from, room.members.get(from)?.name);
      tile.dataset.frames = String(Number(tile.dataset.frames ?? 0) + 1);
      tile.dataset.mode = 'camera';
      tile.dataset.layer = String(layer);
      createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' })).then((bitmap) => {
        if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) { canvas.width = bitmap.width; canvas.height = bitmap.height; }
        canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
        bitmap.close();
        tile.dataset.drawn = String(Number(tile.dataset.drawn ?? 0) + 1);
      }).catch(() => { /* a damaged frame: skip it */ });
    },

    setMic() { /* audio comes with the media part */ },

    async setCamera(on) {
      if (on) await startCamera(); else stopCamera();
    },

    setAvatar(on) {
      if (on) startAvatar(); else if (mode === 'avatar') setMode('off');
    },

    pathOf() { return 'relay'; },
  };
}

/** @param {unknown} v */
function clamp01(v) { const n = Number(v); return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5; }
/** @param {number} v */
function round3(v) { return Math.round(v * 1000) / 1000; }
