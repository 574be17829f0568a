// Sound through the relay: the microphone read with MediaStreamTrackProcessor, encoded as Opus by WebCodecs
// (20 ms frames, mono) and sent as kind 2; received frames decoded per sender and played through one AudioContext
// from a small jitter buffer. Frames travel over the socket in order, so a per-sender counter gives the timestamps.

import { MediaKind } from './protocol.js';
import { rmsOf } from './capture.js';

const FRAME_US = 20_000;
const BITRATE = 24_000;
const JITTER_TARGET_S = 0.08; // play each sender this far behind its arrival: absorbs uneven delivery
const JITTER_MAX_S = 0.3; // further behind than this (the page stalled): drop frames to catch up

/**
 * @typedef {{ readable: ReadableStream<AudioData> }} TrackProcessor
 * @typedef {new (init: { track: MediaStreamTrack }) => TrackProcessor} TrackProcessorType
 * @typedef {{ decoder: AudioDecoder, next: number, playhead: number }} Receiver
 * @typedef {{
 *   readonly supported: boolean,
 *   readonly sent: number,
 *   start(track: MediaStreamTrack): void,
 *   setSending(on: boolean): void,
 *   receive(from: number, bytes: Uint8Array): void,
 *   forget(member: number): void,
 *   stop(): void,
 * }} RelayAudio
 */

/** @returns {TrackProcessorType | undefined} */
function trackProcessorType() {
  return /** @type {{ MediaStreamTrackProcessor?: TrackProcessorType }} */ (/** @type {unknown} */ (globalThis)).MediaStreamTrackProcessor;
}

/**
 * @param {{ connection: import('./connection.js').Connection, onDecoded: (from: number, level: number) => void }} parts
 * @returns {RelayAudio}
 */
export function createRelayAudio({ connection, onDecoded }) {
  const supported = typeof AudioEncoder === 'function' && typeof AudioDecoder === 'function' && !!trackProcessorType();
  let sending = false;
  let sent = 0;
  let stopped = false;
  /** @type {AudioEncoder | null} */
  let encoder = null;
  /** @type {ReadableStreamDefaultReader<AudioData> | null} */
  let reader = null;
  /** @type {AudioContext | null} */
  let output = null;
  /** @type {Map<number, Receiver>} */
  const receivers = new Map();

  /** @param {AudioData} data the first frame: the encoder takes the microphone's own rate and resamples */
  function makeEncoder(data) {
    const made = new AudioEncoder({
      output: (chunk) => {
        const bytes = new Uint8Array(chunk.byteLength);
        chunk.copyTo(bytes);
        if (connection.sendMedia(MediaKind.audio, 0, bytes)) sent += 1;
      },
      error: () => { encoder = null; }, // made again with the next frame
    });
    made.configure({ codec: 'opus', sampleRate: data.sampleRate, numberOfChannels: 1, bitrate: BITRATE, opus: { frameDuration: FRAME_US } });
    return made;
  }

  /** The first channel only: the relay carries mono. @param {AudioData} data */
  function mono(data) {
    if (data.numberOfChannels === 1 && data.format === 'f32-planar') return data;
    const samples = new Float32Array(data.numberOfFrames);
    data.copyTo(samples, { planeIndex: 0, format: 'f32-planar' });
    const out = new AudioData({ format: 'f32-planar', sampleRate: data.sampleRate, numberOfFrames: data.numberOfFrames, numberOfChannels: 1, timestamp: data.timestamp, data: samples });
    data.close();
    return out;
  }

  /** @param {ReadableStreamDefaultReader<AudioData>} from */
  async function pump(from) {
    for (;;) {
      const { value, done } = await from.read().catch(() => ({ value: undefined, done: true }));
      if (done || !value) return;
      if (!sending || connection.state !== 'live') { value.close(); continue; }
      const data = mono(value);
      encoder ??= makeEncoder(data);
      encoder.encode(data);
      data.close();
    }
  }

  /** @param {number} from @param {AudioData} data */
  function play(from, data) {
    const r = receivers.get(from);
    output ??= new AudioContext({ latencyHint: 'interactive' });
    if (output.state === 'suspended') output.resume().catch(() => {});
    const samples = new Float32Array(data.numberOfFrames);
    data.copyTo(samples, { planeIndex: 0, format: 'f32-planar' });
    const buffer = output.createBuffer(1, data.numberOfFrames, data.sampleRate);
    buffer.copyToChannel(samples, 0);
    data.close();
    onDecoded(from, rmsOf(samples));
    if (!r) return;
    const now = output.currentTime;
    if (r.playhead < now) r.playhead = now + JITTER_TARGET_S; // an underrun: build the buffer up again
    if (r.playhead > now + JITTER_MAX_S) return;
    const source = output.createBufferSource();
    source.buffer = buffer;
    source.connect(output.destination);
    source.start(r.playhead);
    r.playhead += buffer.duration;
  }

  /** @param {number} from @returns {Receiver} */
  function receiverOf(from) {
    let r = receivers.get(from);
    if (r) return r;
    const decoder = new AudioDecoder({ output: (data) => play(from, data), error: () => { receivers.delete(from); } });
    decoder.configure({ codec: 'opus', sampleRate: 48_000, numberOfChannels: 1 });
    r = { decoder, next: 0, playhead: 0 };
    receivers.set(from, r);
    return r;
  }

  return {
    get supported() { return supported; },
    get sent() { return sent; },

    start(track) {
      const Processor = trackProcessorType();
      if (!supported || !Processor || reader || stopped) return;
      reader = new Processor({ track }).readable.getReader();
      pump(reader);
    },

    setSending(on) { sending = on; },

    receive(from, bytes) {
      if (!supported) return;
      const r = receiverOf(from);
      r.decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: r.next, data: bytes }));
      r.next += FRAME_US;
    },

    forget(member) {
      const r = receivers.get(member);
      receivers.delete(member);
      if (r && r.decoder.state !== 'closed') r.decoder.close();
    },

    stop() {
      stopped = true;
      sending = false;
      reader?.cancel().catch(() => {});
      reader = null;
      if (encoder && encoder.state !== 'closed') encoder.close();
      encoder = null;
      for (const member of [...receivers.keys()]) this.forget(member);
      output?.close().catch(() => {});
      output = null;
    },
  };
}
