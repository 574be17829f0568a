// Wiring: the start screen, the router calls, and one Connection, RoomState and Media per room visit.

import * as view from './view.js';
import { Connection } from './connection.js';
import { RoomState } from './room-state.js';
import { createMedia } from './media.js';
import { createRoom, joinRoom, rejoin, parseRoomInput, keyOfFragment, inviteLink } from './router-api.js';

/**
 * @typedef {import('./router-api.js').Seat} Seat
 * @typedef {import('./router-api.js').CreateOptions} CreateOptions
 * @typedef {import('./connection.js').ConnectionState} ConnectionState
 * @typedef {import('./connection.js').Ending} Ending
 * @typedef {import('./connection.js').ServerMessage} ServerMessage
 * @typedef {import('./media.js').Media} Media
 * @typedef {import('./media.js').Mode} Mode
 * @typedef {{ room_id: string, client_id: string, mode: Mode }} StoredSeat
 * @typedef {{ connection: Connection, room: RoomState, media: Media, joinKey: string, mode: Mode, mediaStarted: boolean }} Visit
 */

const NAME_KEY = 'avatarStream.name';
// The seat of this tab, so that a reload rejoins the same seat. sessionStorage: this tab only, never sent anywhere.
const SEAT_KEY = 'avatarStream.seat';
const QUALITY_EVERY_MS = 1000;

const ui = view.ui;
/** @type {Visit | null} */
let visit = null;

// ---- start screen ----------------------------------------------------------------------------------------------------

/** @returns {Mode} */
function chosenMode() {
  const checked = document.querySelector('input[name=mode]:checked');
  return checked instanceof HTMLInputElement && checked.value === 'avatar' ? 'avatar' : 'camera';
}

function chosenName() {
  return ui.name.value.trim().slice(0, 40);
}

/** The create-room body from the room options, or a message saying what is wrong. @returns {CreateOptions | string} */
function createOptions() {
  /** @type {CreateOptions} */
  const options = {};
  const name = chosenName();
  if (name) options.name = name;
  if (ui.optLobby.checked) options.lobby = true;
  const minutes = ui.optWindow.value.trim();
  if (minutes) {
    const n = Number(minutes);
    if (!Number.isFinite(n) || n <= 0 || n > 1440) return 'The join window is a number of minutes, more than 0 and at most 1440 (a day).';
    options.join_window_seconds = Math.max(1, Math.round(n * 60));
  }
  const max = ui.optMax.value.trim();
  if (max) {
    const n = Number(max);
    if (!Number.isInteger(n) || n < 1) return 'The most people in the room is a whole number, at least 1.';
    options.max_clients = n;
  }
  return options;
}

async function create() {
  view.clearError();
  const options = createOptions();
  if (typeof options === 'string') {
    view.showError(options, 'bad-options');
    return;
  }
  view.setBusy(true);
  view.setState('connecting', 'Creating a room…');
  const result = await createRoom(options);
  view.setBusy(false);
  if (result.error) {
    view.setState('idle', 'Not connected');
    view.showError(result.error.text, result.error.code);
    return;
  }
  enter(result.seat, result.seat.join_key ?? '', chosenMode());
}

async function join() {
  view.clearError();
  const typed = parseRoomInput(ui.roomInput.value);
  if (!typed.room) {
    view.showError('Type a room id (like 00157) or paste a room link.', 'bad-request');
    ui.roomInput.focus();
    return;
  }
  // Without a key the seat knocks: the page waits in the lobby until a host lets it in.
  const key = typed.key || (typed.room === linkedRoom ? linkedKey : '');
  view.setBusy(true);
  view.setState('connecting', `Joining room ${typed.room}…`);
  const result = await joinRoom(typed.room, key, chosenName());
  view.setBusy(false);
  if (result.error) {
    view.setState('idle', 'Not connected');
    view.showError(result.error.text, result.error.code);
    return;
  }
  enter(result.seat, key, chosenMode());
}

// ---- a room visit ----------------------------------------------------------------------------------------------------

/**
 * @param {Seat} seat
 * @param {string} joinKey
 * @param {Mode} mode
 */
function enter(seat, joinKey, mode) {
  rememberSeat({ room_id: seat.room_id, client_id: seat.client_id, mode });
  history.replaceState(null, '', inviteLink('', seat.room_id, joinKey));
  const room = new RoomState();
  room.roomId = seat.room_id;
  const connection = new Connection(seat, {
    joinKey,
    onState: (state, ending) => onState(state, ending),
    onMessage: (m) => onMessage(m),
    onMedia: (from, kind, layer, bytes) => visit?.media.onMedia(from, kind, layer, bytes),
    onSeat: (next) => rememberSeat({ room_id: next.room_id, client_id: next.client_id, mode }),
  });
  const media = createMedia({ connection, room, view });
  visit = { connection, room, media, joinKey, mode, mediaStarted: false };
  room.listen(onRoomChange);
  connection.start();
}

/** @param {ConnectionState} state @param {Ending | null} ending */
function onState(state, ending) {
  const v = visit;
  if (!v) return;
  switch (state) {
    case 'connecting':
      view.setState('connecting', 'Connecting…');
      break;
    case 'waiting':
      view.setState('waiting', 'Waiting in the lobby');
      view.showWaiting(v.room.roomId, v.room.hostPresent);
      break;
    case 'live':
      if (ui.error.dataset.code !== 'camera-denied') view.clearError(); // keep explaining why the avatar is on
      view.setState('live', 'Live');
      view.showRoom(v.room.roomId, v.joinKey ? inviteLink(location.origin, v.room.roomId, v.joinKey) : '');
      view.renderRoom(v.room, memberActions);
      if (!v.mediaStarted) {
        v.mediaStarted = true;
        v.media.start({ mode: v.mode, ...view.captureSettings() });
      }
      break;
    case 'reconnecting':
      view.setState('reconnecting', 'Reconnecting…');
      break;
    case 'closed':
      finish(ending ?? { code: 'closed', text: 'The connection closed.' });
      break;
  }
}

/** The visit is over: for good, whatever the reason, so the seat is forgotten. @param {Ending} ending */
function finish(ending) {
  visit?.media.stop();
  visit = null;
  forgetSeat();
  view.setState('closed', `Closed: ${ending.text}`);
  if (ending.code === 'left') {
    view.showStart();
  } else {
    view.showEnded(ending);
  }
}

/** @param {ServerMessage} m */
function onMessage(m) {
  const v = visit;
  if (!v) return;
  if (m.type === 'data') v.media.onData(Number(m.from), m.data);
  else if (m.type === 'layers_wanted') v.media.onLayersWanted(Array.isArray(m.layers) ? m.layers.map(Number) : []);
  else if (m.type === 'error') view.showError(`The server refused that: ${String(m.message ?? m.code)}`, String(m.code ?? 'error'));
  else v.room.apply(m);
}

/** @param {ServerMessage} m @param {RoomState} room */
function onRoomChange(m, room) {
  // Counters for tools and tests: how often the room was resumed, and how many members left while we watched.
  if (m.type === 'resumed') count('resumes');
  if (m.type === 'member_left') count('membersLeft');
  if (m.type === 'waiting') view.showWaiting(room.roomId, room.hostPresent);
  if (m.type === 'knock' && room.isHost) view.cueKnock();
  if (!room.waiting) view.renderRoom(room, memberActions);
}

/** @param {string} name */
function count(name) {
  document.body.dataset[name] = String(Number(document.body.dataset[name] ?? 0) + 1);
}

/** @param {{ type: string, [field: string]: unknown }} message */
function send(message) {
  visit?.connection.send(message);
}

/** @type {import('./view.js').MemberActions} */
const memberActions = {
  onRemove: (member) => send({ type: 'remove', member }),
  onMakeHost: (member) => send({ type: 'make_host', member }),
  onAdmit: (member) => { send({ type: 'admit', member }); visit?.room.decided(member); },
  onDeny: (member) => { send({ type: 'deny', member }); visit?.room.decided(member); },
};

function leave() {
  visit?.connection.leave();
  ui.roomInput.value = '';
}

// ---- the seat of this tab --------------------------------------------------------------------------------------------

/** @param {StoredSeat} seat */
function rememberSeat(seat) {
  try { sessionStorage.setItem(SEAT_KEY, JSON.stringify(seat)); } catch { /* storage off: a reload joins anew */ }
}

function forgetSeat() {
  try { sessionStorage.removeItem(SEAT_KEY); } catch { /* nothing stored */ }
}

/** @returns {StoredSeat | null} */
function storedSeat() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SEAT_KEY) ?? 'null');
    return s && typeof s.room_id === 'string' && typeof s.client_id === 'string'
      ? { room_id: s.room_id, client_id: s.client_id, mode: s.mode === 'avatar' ? 'avatar' : 'camera' } : null;
  } catch {
    return null;
  }
}

/** A reload of this tab: the same seat comes back (an admitted knocker goes straight in). @param {StoredSeat} seat */
async function comeBack(seat) {
  view.setState('connecting', `Joining room ${seat.room_id} again…`);
  const result = await rejoin(seat.room_id, seat.client_id, linkedKey);
  if (result.error) {
    forgetSeat();
    view.setState('idle', 'Not connected');
    view.showError(result.error.text, result.error.code);
    return;
  }
  enter(result.seat, linkedKey || result.seat.join_key || '', seat.mode);
}

// ---- controls --------------------------------------------------------------------------------------------------------

ui.name.value = localStorage.getItem(NAME_KEY) ?? '';
ui.name.addEventListener('change', () => {
  try { localStorage.setItem(NAME_KEY, chosenName()); } catch { /* storage off */ }
});
ui.create.addEventListener('click', create);
ui.joinForm.addEventListener('submit', (e) => { e.preventDefault(); join(); });
ui.leave.addEventListener('click', leave);
ui.waitingLeave.addEventListener('click', leave);
ui.endedBack.addEventListener('click', () => { view.clearError(); view.setState('idle', 'Not connected'); view.showStart(); });
ui.mic.addEventListener('click', () => visit?.media.setMic(!visit.media.micOn));
ui.camera.addEventListener('click', () => { view.clearError(); visit?.media.setCamera(visit.media.mode !== 'camera'); });
ui.avatar.addEventListener('click', () => { view.clearError(); visit?.media.setAvatar(visit.media.mode !== 'avatar'); });
const restartCapture = () => { if (visit?.media.mode === 'camera') visit.media.start(view.captureSettings()); };
ui.fps.addEventListener('change', restartCapture);
ui.size.addEventListener('change', restartCapture);
ui.lock.addEventListener('click', () => send({ type: visit?.room.locked ? 'unlock' : 'lock' }));
ui.endRoom.addEventListener('click', () => { ui.endConfirm.hidden = false; ui.endConfirmYes.focus(); });
ui.endCancel.addEventListener('click', () => { ui.endConfirm.hidden = true; });
ui.endConfirmYes.addEventListener('click', () => { ui.endConfirm.hidden = true; send({ type: 'end_room' }); });
ui.copyLink.addEventListener('click', async () => {
  const link = ui.roomId.dataset.invite ?? '';
  try {
    await navigator.clipboard.writeText(link);
    ui.copyNote.textContent = 'Link copied';
  } catch {
    ui.copyNote.textContent = link; // no clipboard permission: show it to copy by hand
  }
  setTimeout(() => { ui.copyNote.textContent = ''; }, 4000);
});
setInterval(() => {
  if (visit) view.setQuality({ rtt: visit.connection.rtt, dropped: visit.media.dropped, path: visit.media.pathOf(visit.room.me) });
}, QUALITY_EVERY_MS);

// An invite link (/?room=00157#key=K) fills in the room to join; its key stays in the page.
const linkedRoom = new URLSearchParams(location.search).get('room')?.trim() ?? '';
const linkedKey = keyOfFragment(location.hash);
if (linkedRoom) {
  ui.roomInput.value = linkedRoom;
  ui.join.textContent = `Join room ${linkedRoom}`;
  ui.join.focus();
}
view.showScreen('start');
const kept = storedSeat();
if (kept && kept.room_id === linkedRoom) comeBack(kept);
else if (kept) forgetSeat();

// A small hook for support and tests: drop the socket as a network fault would, to watch the page resume.
Object.defineProperty(window, 'avatarStream', { value: Object.freeze({ dropConnection: () => visit?.connection.drop() }) });
document.body.dataset.ready = 'true';
