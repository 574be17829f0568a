import { credentialProtocols, encodeFrame, decodeFrame, encodeText, decodeText, describeProblem, parseRoomInput, keyOfFragment, inviteLink } from './protocol.js';
import { drawAvatar, randomHue } from './avatar.js';

const $ = (id) => document.getElementById(id);
const ui = {
  state: $('state'), error: $('error'), lobby: $('lobby'), room: $('room'), name: $('name'),
  create: $('create'), joinForm: $('join-form'), roomInput: $('room-input'), join: $('join'),
  roomId: $('room-id'), copyLink: $('copy-link'), copyNote: $('copy-note'),
  camera: $('toggle-camera'), avatar: $('toggle-avatar'), size: $('size'), fps: $('fps'), leave: $('leave'),
  tiles: $('tiles'), members: $('members'), memberCount: $('member-count'),
};

const HELLO_EVERY_MS = 2000;
const MEMBER_TIMEOUT_MS = 7000;
const MAX_BUFFERED = 512 * 1024;
// How long the page keeps trying after losing its socket: a restart of the whole system can take a minute or more on
// a busy machine, and the seat is held meanwhile. A fixed count of attempts gave up after about 25 to 45 s.
const RECONNECT_WINDOW_MS = 180_000;

// Everything the session knows; counters are mirrored into data-* attributes for tests and tooling.
// peer: this page's name in its own framing, random: the client id is the seat's credential and never leaves the page.
const session = {
  ticket: null, joinKey: '', peer: '', ws: null, leaving: false, attempt: 0, lostAt: 0, reconnectTimer: 0, openedOnce: false, lastOpened: false,
  name: '', hue: randomHue(), mode: 'off', pose: { x: 0.5, y: 0.5, level: 0 },
  stream: null, captureTimer: 0, helloTimer: 0, sentFrames: 0, sentPoses: 0, poseTimer: 0, posePending: false,
  members: new Map(), // id -> {name, mode, hue, lastSeen, tile, frames, poses, pose}
};

// ---- connection state and errors -----------------------------------------------------------------------------------

function setState(state, text) {
  ui.state.dataset.state = state;
  ui.state.textContent = text;
  document.body.dataset.state = state;
}

function showError(text, code = 'error') {
  ui.error.textContent = text;
  ui.error.dataset.code = code;
  ui.error.hidden = false;
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
  delete ui.error.dataset.code;
}

// ---- room router ---------------------------------------------------------------------------------------------------

async function callRouter(path, body) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    return { error: { code: 'offline', text: 'Cannot reach the server. Check your connection.' } };
  }
  let json = null;
  try { json = await response.json(); } catch { /* empty or not JSON */ }
  if (response.ok && json?.room_id && json?.client_id && json?.stream_url && json?.ticket) return { ticket: json };
  return { error: describeProblem(response.status, json, response.headers.get('Retry-After')), status: response.status };
}

async function enter(kind) {
  clearError();
  const typed = kind === 'join' ? parseRoomInput(ui.roomInput.value) : null;
  const roomId = typed?.room;
  const key = typed?.key || (roomId === linked ? linkedKey : '');
  if (kind === 'join' && !roomId) {
    showError('Type a room id (like 00157) or paste a room link.', 'bad-request');
    ui.roomInput.focus();
    return;
  }
  ui.create.disabled = ui.join.disabled = true;
  setState('connecting', kind === 'join' ? `Joining room ${roomId}…` : 'Creating a room…');
  const result = kind === 'join' ? await callRouter('/join-room', key ? { room_id: roomId, key } : { room_id: roomId }) : await callRouter('/create-room');
  ui.create.disabled = ui.join.disabled = false;
  if (result.error) {
    setState('idle', 'Not connected');
    showError(result.error.text, result.error.code);
    return;
  }
  if (result.ticket.knocking) {
    // Without the room's key a joiner waits for a host in the lobby, which this page does not have yet.
    setState('idle', 'Not connected');
    showError('This room is private: join with the link its host shares, not the id alone.', 'needs-invite');
    return;
  }
  session.joinKey = result.ticket.join_key || key;
  session.peer = crypto.randomUUID();
  session.name = ui.name.value.trim() || 'Guest';
  session.leaving = false;
  session.attempt = 0;
  session.ticket = result.ticket;
  showRoom();
  const wanted = document.querySelector('input[name=mode]:checked')?.value ?? 'camera';
  connect();
  if (wanted === 'camera') await startCamera(); else startAvatar();
}

function showRoom() {
  const id = session.ticket.room_id;
  ui.lobby.hidden = true;
  ui.room.hidden = false;
  ui.roomId.textContent = id;
  ui.roomId.dataset.room = id;
  ui.roomId.dataset.invite = inviteLink(location.origin, id, session.joinKey);
  document.title = `Room ${id} · AvatarStream`;
  history.replaceState(null, '', inviteLink('', id, session.joinKey));
  ensureTile(null); // the self tile
  renderMembers();
}

// ---- WebSocket with reconnect ---------------------------------------------------------------------------------------

function connect() {
  const { stream_url: url, ticket } = session.ticket;
  setState(session.attempt === 0 ? 'connecting' : 'reconnecting', session.attempt === 0 ? 'Connecting…' : `Reconnecting (attempt ${session.attempt})…`);
  let ws;
  try {
    ws = new WebSocket(url, credentialProtocols(ticket));
  } catch {
    scheduleReconnect();
    return;
  }
  ws.binaryType = 'arraybuffer';
  session.ws = ws;
  ws.onopen = () => {
    session.attempt = 0;
    session.openedOnce = true;
    if (ui.error.dataset.code !== 'camera-denied') clearError(); // keep explaining why the avatar is on
    setState('live', 'Live');
    sendHello();
    clearInterval(session.helloTimer);
    session.helloTimer = setInterval(() => { sendHello(); pruneMembers(); }, HELLO_EVERY_MS);
    if (session.mode === 'avatar') sendPose();
  };
  ws.onmessage = (event) => onMessage(event.data);
  ws.onclose = (event) => {
    if (session.ws !== ws) return;
    session.ws = null;
    clearInterval(session.helloTimer);
    if (session.leaving) return;
    if (event.code === 4000) {
      closeFor('This room was opened again somewhere else (another tab or device).', 'replaced');
      return;
    }
    scheduleReconnect();
  };
}

function scheduleReconnect() {
  session.attempt += 1;
  if (session.attempt === 1) session.lostAt = Date.now();
  if (Date.now() - session.lostAt > RECONNECT_WINDOW_MS) {
    closeFor('Lost the connection and could not get it back. Try joining again.', 'lost');
    return;
  }
  // Exponential backoff with full jitter: a crowd of clients does not come back in lockstep.
  const cap = Math.min(10000, 500 * 2 ** (session.attempt - 1));
  const delay = Math.round(cap / 2 + Math.random() * cap / 2);
  setState('reconnecting', `Reconnecting in ${(delay / 1000).toFixed(1)} s (attempt ${session.attempt})…`);
  clearTimeout(session.reconnectTimer);
  session.reconnectTimer = setTimeout(async () => {
    if (session.leaving) return;
    // A ticket opens one socket, so every reconnect asks the router again. It says whether the room is still valid,
    // and with our client id it gives our seat back with a new ticket, so a reconnect takes no new seat. The key
    // seats us as a member again if the seat was freed meanwhile.
    const { room_id: roomId, client_id: clientId } = session.ticket;
    const result = await callRouter('/join-room', session.joinKey ? { room_id: roomId, client_id: clientId, key: session.joinKey } : { room_id: roomId, client_id: clientId });
    if (session.leaving) return;
    if (result.error) {
      if (['room-gone', 'room-not-found', 'room-full'].includes(result.error.code)) {
        closeFor(result.error.code === 'room-full' ? 'The room filled up while you were away.' : 'This room is no longer valid. Create a new one.', result.error.code);
        return;
      }
      scheduleReconnect();
      return;
    }
    session.ticket = result.ticket;
    connect();
  }, delay);
}

function closeFor(reason, code) {
  session.leaving = true;
  clearTimeout(session.reconnectTimer);
  clearInterval(session.helloTimer);
  setState('closed', `Closed: ${reason}`);
  showError(reason, code);
  stopCamera();
}

function send(data) {
  const ws = session.ws;
  if (!ws || ws.readyState !== WebSocket.OPEN) return false;
  ws.send(data);
  return true;
}

function sendHello() {
  send(encodeText({ t: 'hello', from: session.peer, name: session.name, mode: session.mode, hue: session.hue }));
}

// ---- incoming messages ----------------------------------------------------------------------------------------------

function onMessage(data) {
  if (typeof data === 'string') {
    const m = decodeText(data);
    if (!m || m.from === session.peer) return;
    if (m.t === 'bye') { removeMember(m.from); return; }
    const isNew = !session.members.has(m.from);
    const member = touchMember(m.from, m);
    if (m.t === 'pose' && m.pose) {
      member.poses += 1;
      member.pose = { x: clamp01(m.pose.x), y: clamp01(m.pose.y), level: clamp01(m.pose.level ?? 0) };
      member.mode = 'avatar';
      member.tile.dataset.poses = String(member.poses);
      member.tile.dataset.poseX = String(member.pose.x);
      member.tile.dataset.poseY = String(member.pose.y);
      member.tile.dataset.mode = 'avatar';
      drawAvatar(member.canvas, member.pose, member.hue, member.name);
    } else if (m.t === 'hello' && member.mode === 'off') {
      drawIdle(member.canvas, member.name);
    }
    if (isNew) sendHello(); // let a newcomer see us at once instead of at our next heartbeat
    return;
  }
  const frame = decodeFrame(data);
  if (!frame || frame.from === session.peer) return;
  const member = touchMember(frame.from, null);
  member.frames += 1;
  member.mode = 'camera';
  member.tile.dataset.frames = String(member.frames);
  member.tile.dataset.mode = 'camera';
  const blob = new Blob([frame.payload], { type: 'image/jpeg' });
  createImageBitmap(blob).then((bitmap) => {
    const c = member.canvas;
    if (c.width !== bitmap.width || c.height !== bitmap.height) { c.width = bitmap.width; c.height = bitmap.height; }
    c.getContext('2d').drawImage(bitmap, 0, 0);
    bitmap.close();
    member.tile.dataset.drawn = String(Number(member.tile.dataset.drawn ?? 0) + 1);
  }).catch(() => { /* a damaged frame: skip it */ });
}

function touchMember(id, hello) {
  let member = session.members.get(id);
  if (!member) {
    member = { name: 'Guest', mode: 'off', hue: 200, frames: 0, poses: 0, pose: null, lastSeen: 0 };
    session.members.set(id, member);
    const { tile, canvas } = ensureTile(id);
    member.tile = tile;
    member.canvas = canvas;
  }
  member.lastSeen = performance.now();
  if (hello) {
    if (typeof hello.name === 'string') member.name = hello.name.slice(0, 32) || 'Guest';
    if (typeof hello.hue === 'number') member.hue = hello.hue;
    if (['camera', 'avatar', 'off'].includes(hello.mode)) member.mode = hello.mode;
    member.tile.dataset.mode = member.mode;
    member.tile.querySelector('figcaption').textContent = member.name;
  }
  renderMembers();
  return member;
}

function removeMember(id) {
  const member = session.members.get(id);
  if (!member) return;
  member.tile.remove();
  session.members.delete(id);
  renderMembers();
}

function pruneMembers() {
  const now = performance.now();
  for (const [id, m] of session.members) if (now - m.lastSeen > MEMBER_TIMEOUT_MS) removeMember(id);
}

function renderMembers() {
  const items = [[session.name + ' (you)', session.mode]];
  for (const m of session.members.values()) items.push([m.name, m.mode]);
  ui.members.replaceChildren(...items.map(([name, mode]) => {
    const li = document.createElement('li');
    const n = document.createElement('span');
    n.textContent = name;
    const md = document.createElement('span');
    md.className = 'mode';
    md.textContent = mode === 'off' ? 'no video' : mode;
    li.append(n, md);
    return li;
  }));
  ui.memberCount.textContent = String(items.length);
  ui.members.dataset.count = String(items.length);
}

// ---- tiles ---------------------------------------------------------------------------------------------------------

function ensureTile(id) {
  const key = id ?? 'self';
  let tile = ui.tiles.querySelector(`[data-member="${CSS.escape(key)}"]`);
  if (!tile) {
    tile = document.createElement('figure');
    tile.className = 'tile' + (id ? '' : ' self');
    tile.dataset.member = key;
    tile.dataset.frames = '0';
    tile.dataset.poses = '0';
    tile.dataset.mode = 'off';
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const caption = document.createElement('figcaption');
    caption.textContent = id ? 'Guest' : `${session.name} (you)`;
    if (!id) {
      canvas.tabIndex = 0;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', 'Your tile. In avatar mode, arrow keys move your avatar.');
      wireAvatarInput(canvas);
    } else {
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', 'Another member');
    }
    tile.append(canvas, caption);
    ui.tiles.append(tile);
    drawIdle(canvas, id ? 'Guest' : session.name);
  }
  return { tile, canvas: tile.querySelector('canvas') };
}

function selfCanvas() { return ensureTile(null).canvas; }

function drawIdle(canvas, name) {
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#10151f';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#9aa6bd';
  ctx.font = '16px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(`${name}: no video`, canvas.width / 2, canvas.height / 2);
}

// ---- camera ----------------------------------------------------------------------------------------------------------

const captureVideo = document.createElement('video');
captureVideo.muted = true;
captureVideo.playsInline = true;
const captureCanvas = document.createElement('canvas');

function chosenSize() {
  const [w, h] = ui.size.value.split('x').map(Number);
  return { w, h };
}

async function startCamera() {
  if (!navigator.mediaDevices?.getUserMedia) {
    showError('This browser cannot use a camera here. Using avatar mode instead.', 'camera-denied');
    startAvatar();
    return;
  }
  const { w, h } = chosenSize();
  try {
    session.stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: w }, height: { ideal: h } }, audio: false });
  } catch (e) {
    const denied = e?.name === 'NotAllowedError' || e?.name === 'SecurityError';
    showError(denied ? 'Camera access was denied. Using avatar mode instead; allow the camera in your browser to use it.'
      : 'No camera could be opened. Using avatar mode instead.', 'camera-denied');
    startAvatar();
    return;
  }
  if (session.leaving) { stopCamera(); return; }
  stopAvatar();
  captureVideo.srcObject = session.stream;
  await captureVideo.play().catch(() => {});
  setMode('camera');
  restartCapture();
}

function restartCapture() {
  clearInterval(session.captureTimer);
  if (session.mode !== 'camera') return;
  let busy = false;
  session.captureTimer = setInterval(() => {
    if (busy || captureVideo.readyState < 2) return;
    const { w, h } = chosenSize();
    captureCanvas.width = w;
    captureCanvas.height = h;
    captureCanvas.getContext('2d').drawImage(captureVideo, 0, 0, w, h);
    const self = selfCanvas();
    if (self.width !== w || self.height !== h) { self.width = w; self.height = h; }
    self.getContext('2d').drawImage(captureCanvas, 0, 0);
    const ws = session.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || ws.bufferedAmount > MAX_BUFFERED) return; // drop frames, never queue
    busy = true;
    captureCanvas.toBlob(async (blob) => {
      try {
        if (blob && send(encodeFrame(session.peer, await blob.arrayBuffer()))) {
          session.sentFrames += 1;
          document.body.dataset.sentFrames = String(session.sentFrames);
        }
      } finally { busy = false; }
    }, 'image/jpeg', 0.6);
  }, Math.round(1000 / Number(ui.fps.value)));
}

function stopCamera() {
  clearInterval(session.captureTimer);
  session.stream?.getTracks().forEach((t) => t.stop());
  session.stream = null;
  captureVideo.srcObject = null;
  if (session.mode === 'camera') setMode('off');
}

// ---- avatar ----------------------------------------------------------------------------------------------------------

function startAvatar() {
  stopCamera();
  setMode('avatar');
  drawAvatar(selfCanvas(), session.pose, session.hue, session.name);
  sendPose();
}

function stopAvatar() {
  if (session.mode === 'avatar') setMode('off');
}

function movePose(x, y) {
  session.pose.x = clamp01(x);
  session.pose.y = clamp01(y);
  drawAvatar(selfCanvas(), session.pose, session.hue, session.name);
  queuePose();
}

function queuePose() {
  // At most ~15 pose messages a second, however fast the pointer moves.
  if (session.poseTimer) { session.posePending = true; return; }
  sendPose();
  session.poseTimer = setTimeout(() => {
    session.poseTimer = 0;
    if (session.posePending) { session.posePending = false; queuePose(); }
  }, 66);
}

function sendPose() {
  if (session.mode !== 'avatar' || !session.ticket) return;
  const p = session.pose;
  if (send(encodeText({ t: 'pose', from: session.peer, pose: { x: round3(p.x), y: round3(p.y), level: round3(p.level) } }))) {
    session.sentPoses += 1;
    document.body.dataset.sentPoses = String(session.sentPoses);
  }
}

function wireAvatarInput(canvas) {
  const fromEvent = (e) => {
    const r = canvas.getBoundingClientRect();
    movePose((e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
  };
  let dragging = false;
  canvas.addEventListener('pointerdown', (e) => {
    if (session.mode !== 'avatar') return;
    dragging = true;
    canvas.setPointerCapture(e.pointerId);
    fromEvent(e);
  });
  canvas.addEventListener('pointermove', (e) => { if (dragging && session.mode === 'avatar') fromEvent(e); });
  const stop = () => { dragging = false; };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
  canvas.addEventListener('keydown', (e) => {
    if (session.mode !== 'avatar') return;
    const step = e.shiftKey ? 0.1 : 0.03;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    movePose(session.pose.x + m[0], session.pose.y + m[1]);
  });
}

// ---- modes and controls ----------------------------------------------------------------------------------------------

function setMode(mode) {
  session.mode = mode;
  document.body.dataset.mode = mode;
  ui.camera.setAttribute('aria-pressed', String(mode === 'camera'));
  ui.camera.textContent = mode === 'camera' ? 'Camera off' : 'Camera on';
  ui.avatar.setAttribute('aria-pressed', String(mode === 'avatar'));
  ui.avatar.textContent = mode === 'avatar' ? 'Avatar off' : 'Avatar on';
  const self = ensureTile(null).tile;
  self.dataset.mode = mode;
  if (mode === 'off') drawIdle(selfCanvas(), session.name);
  renderMembers();
  if (session.ticket) sendHello();
}

async function leave() {
  session.leaving = true;
  clearTimeout(session.reconnectTimer);
  clearInterval(session.helloTimer);
  if (session.ticket) send(encodeText({ t: 'bye', from: session.peer }));
  stopCamera();
  setMode('off');
  session.ws?.close(1000, 'left');
  session.ws = null;
  for (const id of [...session.members.keys()]) removeMember(id);
  ui.tiles.replaceChildren();
  const roomId = session.ticket?.room_id ?? '';
  session.ticket = null;
  ui.room.hidden = true;
  ui.lobby.hidden = false;
  ui.roomInput.value = roomId;
  setState('closed', 'Closed: you left the room');
  document.title = 'AvatarStream';
  ui.create.focus();
}

ui.create.addEventListener('click', () => enter('create'));
ui.joinForm.addEventListener('submit', (e) => { e.preventDefault(); enter('join'); });
ui.leave.addEventListener('click', leave);
ui.camera.addEventListener('click', () => { clearError(); if (session.mode === 'camera') stopCamera(); else startCamera(); });
ui.avatar.addEventListener('click', () => { clearError(); if (session.mode === 'avatar') stopAvatar(); else startAvatar(); });
ui.fps.addEventListener('change', restartCapture);
ui.size.addEventListener('change', restartCapture);
ui.copyLink.addEventListener('click', async () => {
  const link = inviteLink(location.origin, session.ticket?.room_id ?? '', session.joinKey);
  try {
    await navigator.clipboard.writeText(link);
    ui.copyNote.textContent = 'Link copied';
  } catch {
    ui.copyNote.textContent = link; // no clipboard permission: show it to copy by hand
  }
  setTimeout(() => { ui.copyNote.textContent = ''; }, 4000);
});
window.addEventListener('pagehide', () => { if (session.ticket && !session.leaving) send(encodeText({ t: 'bye', from: session.peer })); });

function clamp01(v) { const n = Number(v); return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5; }
function round3(v) { return Math.round(v * 1000) / 1000; }

// An invite link (/?room=00157#key=K) fills in the room to join; its key stays in the page.
const linked = new URLSearchParams(location.search).get('room');
const linkedKey = keyOfFragment(location.hash);
if (linked) {
  ui.roomInput.value = linked;
  ui.join.textContent = `Join room ${linked}`;
  ui.join.focus();
}
// A small hook for support and tests: drop the socket as a network fault would, to watch the page recover.
window.avatarStream = Object.freeze({ dropConnection: () => session.ws?.close(4999, 'dropped') });
document.body.dataset.ready = 'true';
