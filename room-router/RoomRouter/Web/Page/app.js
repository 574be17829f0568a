// Wiring: the start screen, the router calls, one Connection, RoomState and Media per room visit, and the room's
// recording (the record button, and the links kept for after the room).

import * as view from './view.js';
import { Connection } from './connection.js';
import { RoomState } from './room-state.js';
import { createMedia } from './media.js';
import { createRoom, joinRoom, rejoin, parseRoomInput, keyOfFragment, inviteLink, recordingLinks } from './router-api.js';
import { keptRecordings, keepRecordings, recordingLabel } from './recordings.js';

/**
 * @typedef {import('./router-api.js').Seat} Seat
 * @typedef {import('./router-api.js').CreateOptions} CreateOptions
 * @typedef {import('./connection.js').ConnectionState} ConnectionState
 * @typedef {import('./connection.js').Ending} Ending
 * @typedef {import('./connection.js').ServerMessage} ServerMessage
 * @typedef {import('./media.js').Media} Media
 * @typedef {import('./media.js').Mode} Mode
 * @typedef {{ room_id: string, client_id: string, mode: Mode }} StoredSeat
 * @typedef {import('./recordings.js').RecordingNews} RecordingNews
 * @typedef {{ room_id: string, client_id: string }} SeatId
 * @typedef {{ connection: Connection, room: RoomState, media: Media, joinKey: string, mode: Mode, mediaStarted: boolean,
 *   seat: SeatId, askedRecording: boolean, recordPending: boolean }} Visit
 */

const NAME_KEY = 'avatarStream.name';
// The seat of this tab, so that a reload rejoins the same seat. sessionStorage: this tab only, never sent anywhere.
const SEAT_KEY = 'avatarStream.seat';
const QUALITY_EVERY_MS = 1000;
// A record request that neither changed the room nor was refused by then frees the button again.
const RECORD_PENDING_MS = 20_000;
const RECORDING_ERRORS = /** @type {Record<string, string>} */ ({
  recording_unavailable: 'The room cannot be recorded right now: no recorder is free or it could not start. Try again later.',
  not_host: 'Only a host can stop the recording.',
  not_allowed: 'Recording cannot be asked for from here.',
});

const ui = view.ui;
/** @type {Visit | null} */
let visit = null;
/** The seat of the last visit that ended, to ask for its recording links from the end screen. @type {SeatId | null} */
let endedSeat = null;
let recordIds = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let recordPendingTimer;

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
    onSeat: (next) => {
      rememberSeat({ room_id: next.room_id, client_id: next.client_id, mode });
      if (visit) visit.seat = { room_id: next.room_id, client_id: next.client_id };
    },
  });
  const media = createMedia({ connection, room, view });
  visit = { connection, room, media, joinKey, mode, mediaStarted: false,
    seat: { room_id: seat.room_id, client_id: seat.client_id }, askedRecording: false, recordPending: false };
  room.listen(onRoomChange);
  endedSeat = null;
  view.setRecordNote('');
  view.showRecordings(keptRecordings(seat.room_id), recordingLabel);
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
      render(v);
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
  const seat = visit?.seat ?? null;
  visit?.media.stop();
  visit = null;
  forgetSeat();
  clearTimeout(recordPendingTimer);
  view.setRecordNote('');
  view.setState('closed', `Closed: ${ending.text}`);
  if (ending.code === 'left') {
    view.showStart();
  } else {
    view.showEnded(ending);
    // A file finished after the room ended reaches nobody as recording_ready: ask the router for it once.
    endedSeat = seat;
    checkRecordings();
  }
}

/** @param {ServerMessage} m */
function onMessage(m) {
  const v = visit;
  if (!v) return;
  if (m.type === 'data') v.media.onData(Number(m.from), m.data);
  else if (m.type === 'layers_wanted') v.media.onLayersWanted(Array.isArray(m.layers) ? m.layers.map(Number) : []);
  else if (m.type === 'recording_ready') onRecordingReady(v, m);
  else if (m.type === 'error' && String(m.id ?? '').startsWith('rec-')) onRecordRefused(v, m);
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
  const v = visit;
  if (v && (m.type === 'room_updated' || m.type === 'welcome')) recordingChanged(v);
  if (v && !room.waiting) render(v);
}

/** @param {Visit} v */
function render(v) {
  view.renderRoom(v.room, memberActions);
  view.setRecordControl({ recording: v.room.recording, host: v.room.isHost, asked: v.askedRecording, pending: v.recordPending });
}

// ---- recording -------------------------------------------------------------------------------------------------------

/** The room started or stopped recording (or may have: a welcome). @param {Visit} v */
function recordingChanged(v) {
  if (v.recordPending) {
    v.recordPending = false;
    clearTimeout(recordPendingTimer);
  }
  if (v.room.recording) return;
  if (v.askedRecording) view.setRecordNote('The link to the recording will appear under Recordings once its file is ready.');
  v.askedRecording = false; // a new recording is a new request
}

/** The record button: start, stop (hosts), or ask for the link of the running recording (guests). */
function record() {
  const v = visit;
  if (!v || v.recordPending) return;
  const on = !(v.room.recording && v.room.isHost);
  if (!v.connection.send({ type: 'record', on, id: `rec-${++recordIds}` })) return;
  view.clearError();
  if (on) v.askedRecording = true;
  if (v.room.recording && on) {
    // Nothing answers a guest's request while recording: the router only adds the guest to those who get the link.
    view.setRecordNote('You will get the link to this recording when it is ready.');
  } else {
    v.recordPending = true;
    clearTimeout(recordPendingTimer);
    recordPendingTimer = setTimeout(() => { if (visit === v) { v.recordPending = false; render(v); } }, RECORD_PENDING_MS);
  }
  render(v);
}

/** @param {Visit} v @param {ServerMessage} m */
function onRecordRefused(v, m) {
  const code = String(m.code ?? 'error');
  v.recordPending = false;
  clearTimeout(recordPendingTimer);
  if (!v.room.recording) v.askedRecording = false;
  view.setRecordNote('');
  view.showError(RECORDING_ERRORS[code] ?? `The recording was refused: ${String(m.message ?? code)}`, code);
  render(v);
}

/** A recording we asked for is stored: keep its link, then ask the router when it started and how long it is. @param {Visit} v @param {ServerMessage} m */
function onRecordingReady(v, m) {
  const roomId = v.seat.room_id;
  view.setRecordNote('');
  view.showRecordings(keepRecordings(roomId, [/** @type {RecordingNews} */ (m)], location.origin), recordingLabel);
  recordingLinks(roomId, v.seat.client_id).then((answer) => {
    if (!answer.recordings) return; // the link from the message stands as it is
    const links = keepRecordings(roomId, answer.recordings, location.origin);
    if (visit === v || endedSeat?.room_id === roomId) view.showRecordings(links, recordingLabel, { offerCheck: !visit });
  });
}

/** From the end screen: the ready recordings of the last room that this seat asked for, added to its kept links. */
async function checkRecordings() {
  const seat = endedSeat;
  if (!seat) return;
  const kept = keptRecordings(seat.room_id);
  view.showRecordings(kept, recordingLabel, { offerCheck: true, checking: true, note: 'Checking for recordings…' });
  const answer = await recordingLinks(seat.room_id, seat.client_id);
  if (endedSeat !== seat) return;
  if (!answer.recordings) {
    view.showRecordings(kept, recordingLabel, { offerCheck: true, note: answer.error.text });
    return;
  }
  const links = keepRecordings(seat.room_id, answer.recordings, location.origin);
  const unfinished = answer.recordings.filter((r) => r.state === 'recording' || r.state === 'finishing').length;
  const failed = answer.recordings.filter((r) => r.state === 'failed').length;
  const note = unfinished > 0 ? 'A recording you asked for is still being finished. Check again in a moment.'
    : failed > 0 && links.length === 0 ? 'The recording you asked for could not be saved.'
    : links.length === 0 ? 'No recording of this room for you.' : '';
  // Someone who never asked for a recording needs no panel on the end screen.
  const asked = answer.recordings.length > 0 || links.length > 0;
  view.showRecordings(links, recordingLabel, { offerCheck: asked, note: asked ? note : '' });
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
ui.endedBack.addEventListener('click', () => {
  view.clearError();
  view.setState('idle', 'Not connected');
  view.showStart();
  if (endedSeat) view.showRecordings(keptRecordings(endedSeat.room_id), recordingLabel); // the links stay, the check goes
  endedSeat = null;
});
ui.mic.addEventListener('click', () => visit?.media.setMic(!visit.media.micOn));
ui.camera.addEventListener('click', () => { view.clearError(); visit?.media.setCamera(visit.media.mode !== 'camera'); });
ui.avatar.addEventListener('click', () => { view.clearError(); visit?.media.setAvatar(visit.media.mode !== 'avatar'); });
const restartCapture = () => { if (visit?.media.mode === 'camera') visit.media.start(view.captureSettings()); };
ui.fps.addEventListener('change', restartCapture);
ui.size.addEventListener('change', restartCapture);
ui.lock.addEventListener('click', () => send({ type: visit?.room.locked ? 'unlock' : 'lock' }));
ui.record.addEventListener('click', record);
ui.checkRecordings.addEventListener('click', checkRecordings);
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
  view.showRecordings(keptRecordings(linkedRoom), recordingLabel); // a reload keeps the links of this room
}
view.showScreen('start');
const kept = storedSeat();
if (kept && kept.room_id === linkedRoom) comeBack(kept);
else if (kept) forgetSeat();

// A small hook for support and tests: drop the socket as a network fault would, to watch the page resume.
Object.defineProperty(window, 'avatarStream', { value: Object.freeze({ dropConnection: () => visit?.connection.drop() }) });
document.body.dataset.ready = 'true';
