// The local microphone and camera: each opened on its own (a denied camera leaves the microphone working), the mute
// state of the microphone, and a speaking flag from an AnalyserNode's level.

const LEVEL_EVERY_MS = 100;
export const SPEAKING_LEVEL = 0.02; // RMS of the samples, 0..1: above it counts as speech
const SPEAKING_HOLD_MS = 600; // keep "speaking" this long after the level falls, so short pauses do not flicker

/**
 * @typedef {{
 *   openMic(): Promise<boolean>,
 *   openCamera(width: number, height: number): Promise<MediaStream>,
 *   closeCamera(): void,
 *   close(): void,
 *   setMic(on: boolean): void,
 *   readonly micTrack: MediaStreamTrack | null,
 *   readonly micOn: boolean,
 * }} Capture
 */

/**
 * @param {{ onSpeaking: (speaking: boolean) => void }} hooks
 * @returns {Capture}
 */
export function createCapture({ onSpeaking }) {
  /** @type {MediaStream | null} */
  let mic = null;
  /** @type {MediaStream | null} */
  let camera = null;
  let micOn = true;
  let speaking = false;
  let lastLoud = 0;
  /** @type {AudioContext | null} */
  let meterContext = null;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let meterTimer;

  /** @param {MediaStream} stream */
  function meter(stream) {
    meterContext = new AudioContext();
    const analyser = meterContext.createAnalyser();
    analyser.fftSize = 1024;
    meterContext.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    meterTimer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const level = rmsOf(samples);
      const now = performance.now();
      if (micOn && level > SPEAKING_LEVEL) lastLoud = now;
      const next = micOn && now - lastLoud < SPEAKING_HOLD_MS;
      if (next !== speaking) {
        speaking = next;
        onSpeaking(speaking);
      }
    }, LEVEL_EVERY_MS);
  }

  return {
    get micTrack() { return mic?.getAudioTracks()[0] ?? null; },
    get micOn() { return micOn && mic !== null; },

    async openMic() {
      if (mic) return true;
      if (!navigator.mediaDevices?.getUserMedia) return false;
      try {
        mic = await navigator.mediaDevices.getUserMedia({
          audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 }, video: false,
        });
      } catch {
        return false; // no microphone or not allowed: the call goes on without sound from us
      }
      for (const track of mic.getAudioTracks()) track.enabled = micOn;
      meter(mic);
      return true;
    },

    async openCamera(width, height) {
      if (camera) return camera;
      camera = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: width }, height: { ideal: height } }, audio: false });
      return camera;
    },

    closeCamera() {
      camera?.getTracks().forEach((t) => t.stop());
      camera = null;
    },

    close() {
      this.closeCamera();
      clearInterval(meterTimer);
      meterContext?.close();
      meterContext = null;
      mic?.getTracks().forEach((t) => t.stop());
      mic = null;
      if (speaking) { speaking = false; onSpeaking(false); }
    },

    setMic(on) {
      micOn = on;
      for (const track of mic?.getAudioTracks() ?? []) track.enabled = on;
    },
  };
}

/** The loudness of some samples: their root mean square, 0..1. @param {Float32Array} samples */
export function rmsOf(samples) {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}
