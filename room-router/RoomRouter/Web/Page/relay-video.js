// Video through the relay as JPEG frames (kind 1) in two layers: layer 0 small for every tile, layer 2 at the
// capture size for big tiles. A publisher encodes only what `layers_wanted` says someone subscribes to: layer 0
// whenever anyone wants any layer, layer 2 only when asked for it, nothing when nobody watches.

import { MediaKind } from './protocol.js';

export const SMALL_LAYER = 0;
export const LARGE_LAYER = 2;
const SMALL_WIDTH = 160, SMALL_HEIGHT = 120;
const JPEG_QUALITY = 0.6;

/**
 * @typedef {import('./connection.js').Connection} Connection
 * @typedef {{ readonly sent: number, readonly dropped: number, setWanted(layers: number[]): void, publish(source: HTMLCanvasElement): void }} RelayVideoPublisher
 */

/**
 * @param {Connection} connection
 * @returns {RelayVideoPublisher}
 */
export function createRelayVideoPublisher(connection) {
  /** @type {Set<number>} */
  let wanted = new Set();
  let sent = 0, dropped = 0;
  let busy = false;
  const small = document.createElement('canvas');
  small.width = SMALL_WIDTH;
  small.height = SMALL_HEIGHT;

  /** @param {HTMLCanvasElement} canvas @param {number} layer @returns {Promise<void>} */
  function encode(canvas, layer) {
    return new Promise((resolve) => canvas.toBlob(async (blob) => {
      if (blob && connection.sendMedia(MediaKind.video, layer, await blob.arrayBuffer())) sent += 1;
      else dropped += 1;
      resolve();
    }, 'image/jpeg', JPEG_QUALITY));
  }

  return {
    get sent() { return sent; },
    get dropped() { return dropped; },
    setWanted(layers) { wanted = new Set(layers); },

    publish(source) {
      if (wanted.size === 0) return; // nobody subscribes: no encoding at all
      if (busy || connection.state !== 'live') { dropped += 1; return; }
      busy = true;
      small.getContext('2d')?.drawImage(source, 0, 0, SMALL_WIDTH, SMALL_HEIGHT);
      const jobs = [encode(small, SMALL_LAYER)];
      if (wanted.has(LARGE_LAYER)) jobs.push(encode(source, LARGE_LAYER));
      Promise.all(jobs).finally(() => {
        busy = false;
        document.body.dataset.sentFrames = String(sent);
      });
    },
  };
}

/**
 * Draws a received JPEG frame on a tile's canvas; counts frames in data-frames and drawn ones in data-drawn.
 * @param {HTMLElement} tile
 * @param {HTMLCanvasElement} canvas
 * @param {number} layer
 * @param {Uint8Array} bytes
 */
export function showRelayFrame(tile, canvas, layer, bytes) {
  tile.dataset.frames = String(Number(tile.dataset.frames ?? 0) + 1);
  tile.dataset.mode = 'camera';
  tile.dataset.layer = String(layer);
  createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' })).then((bitmap) => {
    if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) { canvas.width = bitmap.width; canvas.height = bitmap.height; }
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    tile.dataset.drawn = String(Number(tile.dataset.drawn ?? 0) + 1);
  }).catch(() => { /* a damaged frame: skip it */ });
}
