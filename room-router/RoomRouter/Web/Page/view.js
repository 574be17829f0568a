// The DOM: screens, tiles, the member list with state badges, host controls, the knock list, the quality panel, and
// the recording control, badge and links.
// State the tests and tools can read is mirrored into data-* attributes. Nothing here talks to the network.

/**
 * @typedef {import('./room-state.js').RoomState} RoomState
 * @typedef {import('./room-state.js').Member} Member
 * @typedef {import('./connection.js').Ending} Ending
 * @typedef {import('./recordings.js').RecordingLink} RecordingLink
 * @typedef {'start' | 'waiting' | 'room' | 'ended'} Screen
 * @typedef {{ tile: HTMLElement, canvas: HTMLCanvasElement }} Tile
 * @typedef {{ onRemove: (member: number) => void, onMakeHost: (member: number) => void,
 *   onAdmit: (member: number) => void, onDeny: (member: number) => void }} MemberActions
 */

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T }} type
 * @returns {T}
 */
function el(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The page has no ${type.name} #${id}.`);
  return found;
}

export const ui = {
  state: el('state', HTMLElement), error: el('error', HTMLElement),
  start: el('start', HTMLElement), waiting: el('waiting', HTMLElement), ended: el('ended', HTMLElement), room: el('room', HTMLElement),
  name: el('name', HTMLInputElement), create: el('create', HTMLButtonElement), joinForm: el('join-form', HTMLFormElement),
  roomInput: el('room-input', HTMLInputElement), join: el('join', HTMLButtonElement),
  optLobby: el('opt-lobby', HTMLInputElement), optWindow: el('opt-window', HTMLInputElement), optMax: el('opt-max', HTMLInputElement),
  waitingRoom: el('waiting-room', HTMLElement), waitingText: el('waiting-text', HTMLElement), waitingLeave: el('waiting-leave', HTMLButtonElement),
  endedText: el('ended-text', HTMLElement), endedBack: el('ended-back', HTMLButtonElement),
  roomId: el('room-id', HTMLElement), lockedBadge: el('locked-badge', HTMLElement),
  copyLink: el('copy-link', HTMLButtonElement), copyNote: el('copy-note', HTMLElement),
  mic: el('toggle-mic', HTMLButtonElement), soundNote: el('sound-note', HTMLElement),
  camera: el('toggle-camera', HTMLButtonElement), avatar: el('toggle-avatar', HTMLButtonElement),
  size: el('size', HTMLSelectElement), fps: el('fps', HTMLSelectElement), leave: el('leave', HTMLButtonElement),
  hostControls: el('host-controls', HTMLElement), lock: el('lock', HTMLButtonElement), endRoom: el('end-room', HTMLButtonElement),
  endConfirm: el('end-confirm', HTMLElement), endConfirmYes: el('end-confirm-yes', HTMLButtonElement), endCancel: el('end-cancel', HTMLButtonElement),
  tiles: el('tiles', HTMLElement), members: el('members', HTMLUListElement), memberCount: el('member-count', HTMLElement),
  knocksPanel: el('knocks-panel', HTMLElement), knocks: el('knocks', HTMLUListElement), knockCount: el('knock-count', HTMLElement),
  rtt: el('q-rtt', HTMLElement), dropped: el('q-dropped', HTMLElement), path: el('q-path', HTMLElement),
  record: el('record', HTMLButtonElement), recordNote: el('record-note', HTMLElement), recordingBadge: el('recording-badge', HTMLElement),
  recordingsPanel: el('recordings-panel', HTMLElement), recordings: el('recordings', HTMLUListElement),
  recordingsNote: el('recordings-note', HTMLElement), checkRecordings: el('check-recordings', HTMLButtonElement),
};

/** @param {Screen} screen */
export function showScreen(screen) {
  ui.start.hidden = screen !== 'start';
  ui.waiting.hidden = screen !== 'waiting';
  ui.room.hidden = screen !== 'room';
  ui.ended.hidden = screen !== 'ended';
  document.body.dataset.screen = screen;
  if (screen !== 'room') showRecordingState(false);
}

/**
 * The connection badge; body[data-state] carries the same state.
 * @param {string} state
 * @param {string} text
 */
export function setState(state, text) {
  ui.state.dataset.state = state;
  ui.state.textContent = text;
  document.body.dataset.state = state;
}

/** @param {string} text @param {string} [code] */
export function showError(text, code = 'error') {
  ui.error.textContent = text;
  ui.error.dataset.code = code;
  ui.error.hidden = false;
}

export function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
  delete ui.error.dataset.code;
}

/** @param {boolean} busy */
export function setBusy(busy) {
  ui.create.disabled = ui.join.disabled = busy;
}

/**
 * @param {string} roomId
 * @param {string} invite the invite link, or '' when this page does not know the room's key
 */
export function showRoom(roomId, invite) {
  ui.roomId.textContent = roomId;
  ui.roomId.dataset.room = roomId;
  if (invite) ui.roomId.dataset.invite = invite; else delete ui.roomId.dataset.invite;
  ui.copyLink.hidden = !invite;
  document.title = `Room ${roomId} · AvatarStream`;
  showScreen('room');
}

/** @param {string} roomId @param {boolean} hostPresent */
export function showWaiting(roomId, hostPresent) {
  ui.waitingRoom.textContent = roomId;
  ui.waitingText.textContent = hostPresent ? 'Waiting for the host to let you in…' : 'The host is not here yet. You will get in once a host lets you in.';
  ui.waiting.dataset.hostPresent = String(hostPresent);
  showScreen('waiting');
}

/** @param {Ending} ending */
export function showEnded(ending) {
  ui.endedText.textContent = ending.text;
  ui.ended.dataset.code = ending.code;
  ui.tiles.replaceChildren();
  document.title = 'AvatarStream';
  showScreen('ended');
}

/** Back to the start screen, with nothing of the last room left on it. */
export function showStart() {
  ui.tiles.replaceChildren();
  ui.members.replaceChildren();
  ui.knocks.replaceChildren();
  document.title = 'AvatarStream';
  showScreen('start');
}

/**
 * Everything that follows the room's state: the lists, the host controls, the badges and the tiles.
 * @param {RoomState} room
 * @param {MemberActions} actions
 */
export function renderRoom(room, actions) {
  const host = room.isHost;
  document.body.dataset.role = room.self?.role ?? 'guest';
  ui.hostControls.hidden = !host;
  if (!host) ui.endConfirm.hidden = true;
  ui.lock.setAttribute('aria-pressed', String(room.locked));
  ui.lock.textContent = room.locked ? 'Unlock the room' : 'Lock the room';
  ui.lockedBadge.hidden = !room.locked;
  ui.room.dataset.locked = String(room.locked);
  if (room.joinClosesAt) ui.roomId.dataset.joinClosesAt = room.joinClosesAt;
  showRecordingState(room.recording);
  renderMembers(room, actions);
  renderKnocks(room, actions);
  renderTiles(room);
}

/** The badge every member sees while the room is recorded; body[data-recording] and #room[data-recording] mirror it. @param {boolean} on */
function showRecordingState(on) {
  ui.recordingBadge.hidden = !on;
  ui.room.dataset.recording = String(on);
  document.body.dataset.recording = String(on);
}

/**
 * The record button: "Record" while the room is not recorded; then "Stop recording" for hosts, and for guests
 * "Get the recording" (which asks for the link) until they asked.
 * @param {{ recording: boolean, host: boolean, asked: boolean, pending: boolean }} state
 */
export function setRecordControl({ recording, host, asked, pending }) {
  const action = !recording ? 'record' : host ? 'stop-recording' : asked ? 'asked' : 'get-recording';
  ui.record.dataset.action = action;
  ui.record.textContent = { record: 'Record', 'stop-recording': 'Stop recording', asked: 'Link requested', 'get-recording': 'Get the recording' }[action];
  ui.record.setAttribute('aria-pressed', String(recording));
  ui.record.disabled = pending || action === 'asked';
}

/** A short line beside the record button ('' hides it). @param {string} text */
export function setRecordNote(text) {
  ui.recordNote.textContent = text;
  ui.recordNote.hidden = !text;
}

/**
 * The recording links of this room; the panel shows while it has links, or a note, or offers to check (the end screen).
 * @param {RecordingLink[]} links
 * @param {(link: RecordingLink) => string} label
 * @param {{ note?: string, offerCheck?: boolean, checking?: boolean }} [options]
 */
export function showRecordings(links, label, { note = '', offerCheck = false, checking = false } = {}) {
  ui.recordings.replaceChildren(...links.map((link) => {
    const li = document.createElement('li');
    li.dataset.recording = link.recording;
    const a = document.createElement('a');
    a.href = link.url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = label(link);
    li.append(a);
    return li;
  }));
  ui.recordings.dataset.count = String(links.length);
  ui.recordingsNote.textContent = note;
  ui.recordingsNote.hidden = !note;
  ui.checkRecordings.hidden = !offerCheck;
  ui.checkRecordings.disabled = checking;
  ui.recordingsPanel.hidden = links.length === 0 && !note && !offerCheck;
}

/** @param {RoomState} room @param {MemberActions} actions */
function renderMembers(room, actions) {
  const items = [...room.members.values()].sort((a, b) => a.member - b.member).map((m) => {
    const li = document.createElement('li');
    li.dataset.member = String(m.member);
    li.dataset.role = m.role;
    li.dataset.state = m.state;
    const name = document.createElement('span');
    name.className = 'who';
    name.textContent = m.member === room.me ? `${m.name} (you)` : m.name;
    li.append(name);
    if (m.role === 'host') li.append(badge('host', 'role'));
    if (m.state !== 'connected') li.append(badge(m.state === 'reconnecting' ? 'reconnecting…' : m.state, 'state'));
    if (room.isHost && m.member !== room.me) {
      const tools = document.createElement('span');
      tools.className = 'tools';
      if (m.role !== 'host') tools.append(button('Make host', 'make-host', `Make ${m.name} a host`, () => actions.onMakeHost(m.member)));
      tools.append(button('Remove', 'remove', `Remove ${m.name} from the room`, () => actions.onRemove(m.member)));
      li.append(tools);
    }
    return li;
  });
  ui.members.replaceChildren(...items);
  ui.memberCount.textContent = String(items.length);
  ui.members.dataset.count = String(items.length);
}

/** @param {RoomState} room @param {MemberActions} actions */
function renderKnocks(room, actions) {
  const knocks = room.isHost ? [...room.knocks.values()] : [];
  ui.knocks.replaceChildren(...knocks.map((k) => {
    const li = document.createElement('li');
    li.dataset.member = String(k.member);
    const name = document.createElement('span');
    name.className = 'who';
    name.textContent = k.name;
    const tools = document.createElement('span');
    tools.className = 'tools';
    tools.append(
      button('Admit', 'admit', `Let ${k.name} in`, () => actions.onAdmit(k.member)),
      button('Deny', 'deny', `Turn ${k.name} away`, () => actions.onDeny(k.member)));
    li.append(name, tools);
    return li;
  }));
  ui.knocksPanel.hidden = knocks.length === 0;
  ui.knockCount.textContent = String(knocks.length);
  ui.knockCount.dataset.count = String(knocks.length);
}

/** A tile for every member: ours first, then the others by member number. @param {RoomState} room */
function renderTiles(room) {
  const self = selfTile();
  if (room.me) self.tile.dataset.number = String(room.me);
  const myName = room.self?.name;
  if (myName) caption(self.tile, `${myName} (you)`);
  for (const tile of [...ui.tiles.querySelectorAll('.tile:not(.self)')]) {
    if (tile instanceof HTMLElement && !room.members.has(Number(tile.dataset.member))) tile.remove();
  }
  for (const m of room.members.values()) {
    if (m.member === room.me) continue;
    const { tile } = tileOf(m.member, m.name);
    caption(tile, m.name);
    tile.dataset.state = m.state;
  }
}

/** Our own tile, made on first use. @returns {Tile} */
export function selfTile() {
  const found = ui.tiles.querySelector('.tile.self');
  if (found instanceof HTMLElement) return { tile: found, canvas: canvasOf(found) };
  const made = makeTile('self', 'You');
  made.tile.classList.add('self');
  made.canvas.tabIndex = 0;
  made.canvas.setAttribute('aria-label', 'Your tile. In avatar mode, arrow keys move your avatar.');
  ui.tiles.prepend(made.tile);
  return made;
}

/**
 * The tile of another member, made on first use.
 * @param {number} member
 * @param {string} [name]
 * @returns {Tile}
 */
export function tileOf(member, name = 'Guest') {
  const found = ui.tiles.querySelector(`.tile[data-member="${member}"]`);
  if (found instanceof HTMLElement) return { tile: found, canvas: canvasOf(found) };
  const made = makeTile(String(member), name);
  made.canvas.setAttribute('aria-label', `${name}'s video`);
  ui.tiles.append(made.tile);
  return made;
}

/** @param {string} key @param {string} name @returns {Tile} */
function makeTile(key, name) {
  const tile = document.createElement('figure');
  tile.className = 'tile';
  tile.dataset.member = key;
  tile.dataset.frames = '0';
  tile.dataset.drawn = '0';
  tile.dataset.poses = '0';
  tile.dataset.mode = 'off';
  tile.dataset.path = 'relay';
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  canvas.setAttribute('role', 'img');
  const label = document.createElement('figcaption');
  label.textContent = name;
  tile.append(canvas, label);
  drawIdle(canvas, name);
  return { tile, canvas };
}

/** @param {HTMLElement} tile @returns {HTMLCanvasElement} */
function canvasOf(tile) {
  const canvas = tile.querySelector('canvas');
  if (!canvas) throw new Error('A tile without a canvas.');
  return canvas;
}

/** @param {HTMLElement} tile @param {string} text */
function caption(tile, text) {
  const label = tile.querySelector('figcaption');
  if (label && label.textContent !== text) label.textContent = text;
}

/** @param {HTMLCanvasElement} canvas @param {string} name */
export function drawIdle(canvas, name) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#10151f';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#9aa6bd';
  ctx.font = '16px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(`${name}: no video`, canvas.width / 2, canvas.height / 2);
}

/** @param {'camera' | 'avatar' | 'off'} mode */
export function setMode(mode) {
  document.body.dataset.mode = mode;
  ui.camera.setAttribute('aria-pressed', String(mode === 'camera'));
  ui.camera.textContent = mode === 'camera' ? 'Camera off' : 'Camera on';
  ui.avatar.setAttribute('aria-pressed', String(mode === 'avatar'));
  ui.avatar.textContent = mode === 'avatar' ? 'Avatar off' : 'Avatar on';
  selfTile().tile.dataset.mode = mode;
}

/**
 * The mute button; body[data-mic] is "on", "muted" or "none" (no microphone).
 * @param {boolean} on
 * @param {boolean} available
 */
export function setMic(on, available) {
  document.body.dataset.mic = !available ? 'none' : on ? 'on' : 'muted';
  ui.mic.disabled = !available;
  ui.mic.setAttribute('aria-pressed', String(available && !on));
  ui.mic.textContent = !available ? 'No microphone' : on ? 'Mute' : 'Unmute';
}

/** A line about sound under the controls ('' hides it). @param {string} text */
export function setSoundNote(text) {
  ui.soundNote.textContent = text;
  ui.soundNote.hidden = !text;
}

/** The video element of a tile, for a direct (P2P) stream; shown instead of the canvas while data-path is p2p. @param {HTMLElement} tile */
export function tileVideo(tile) {
  const found = tile.querySelector('video');
  if (found) return found;
  const made = document.createElement('video');
  made.muted = true; // the sound plays through its own element
  made.playsInline = true;
  made.autoplay = true;
  tile.prepend(made);
  return made;
}

/** The small path and quality line on a tile. @param {HTMLElement} tile @param {string} text */
export function setTileInfo(tile, text) {
  let info = tile.querySelector('.tile-info');
  if (!info) {
    info = document.createElement('span');
    info.className = 'tile-info';
    tile.append(info);
  }
  if (info.textContent !== text) info.textContent = text;
}

/** The capture size and rate chosen in the room's controls. */
export function captureSettings() {
  const [width, height] = ui.size.value.split('x').map(Number);
  return { width: width || 320, height: height || 240, fps: Number(ui.fps.value) || 10 };
}

/** @param {{ rtt: number | null, dropped: number, path: string }} quality */
export function setQuality({ rtt, dropped, path }) {
  ui.rtt.textContent = rtt === null ? '–' : `${rtt} ms`;
  ui.rtt.dataset.value = rtt === null ? '' : String(rtt);
  ui.dropped.textContent = String(dropped);
  ui.dropped.dataset.value = String(dropped);
  ui.path.textContent = path;
}

/** Someone knocked: a short tone (when the browser lets the page play one) and a pulse on the badge. */
export function cueKnock() {
  ui.knockCount.classList.remove('pulse');
  void ui.knockCount.offsetWidth; // restart the animation
  ui.knockCount.classList.add('pulse');
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 660;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
    tone.onended = () => { audio.close(); };
  } catch { /* no audio here: the pulse is the cue */ }
}

/** @param {string} text @param {string} kind */
function badge(text, kind) {
  const span = document.createElement('span');
  span.className = `badge ${kind}`;
  span.textContent = text;
  return span;
}

/**
 * @param {string} text
 * @param {string} action
 * @param {string} label
 * @param {() => void} onClick
 */
function button(text, action, label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'small';
  b.textContent = text;
  b.dataset.action = action;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}
