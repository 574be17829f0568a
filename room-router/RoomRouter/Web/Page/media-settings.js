// Media settings, read once when the page loads (before the address bar is rewritten to the invite link):
//   P2P_MAX_MEMBERS  rooms of at most this many members connect each pair directly (RTCPeerConnection);
//                    `?p2p=0` turns peer-to-peer off (everything through the relay), `?p2pmax=N` changes the size.
//                    While the room is recorded every pair goes through the relay whatever these say (media.js).
//   ICE servers      from <meta name="avatarstream-ice" content='[{"urls": "turn:..."}]'>; none is needed on one machine.

/** Rooms up to this size use peer-to-peer; from the next member on, every pair goes through the relay. */
export const P2P_MAX_MEMBERS = 4;

const query = new URLSearchParams(location.search);

/** @returns {number} */
function p2pMax() {
  if (query.get('p2p') === '0') return 0;
  const asked = Number(query.get('p2pmax'));
  return query.has('p2pmax') && Number.isInteger(asked) && asked >= 0 ? asked : P2P_MAX_MEMBERS;
}

/** @returns {RTCIceServer[]} */
function iceServers() {
  const content = document.querySelector('meta[name="avatarstream-ice"]')?.getAttribute('content') ?? '[]';
  try {
    const parsed = JSON.parse(content);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export const mediaSettings = Object.freeze({ p2pMax: p2pMax(), iceServers: iceServers() });
