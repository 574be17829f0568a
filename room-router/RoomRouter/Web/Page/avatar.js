// A drawn avatar: a face that follows its pose (x, y in 0..1) and opens its mouth with the level (0..1).

/** @returns {number} a hue in degrees */
export function randomHue() {
  return Math.floor(Math.random() * 360);
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{ x: number, y: number, level?: number }} pose
 * @param {number} hue
 * @param {string} [name]
 */
export function drawAvatar(canvas, pose, hue, name) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  ctx.fillStyle = `hsl(${hue} 35% 14%)`;
  ctx.fillRect(0, 0, w, h);
  const r = Math.min(w, h) * 0.18;
  const x = r + pose.x * (w - 2 * r);
  const y = r + pose.y * (h - 2 * r);
  // head
  ctx.fillStyle = `hsl(${hue} 70% 60%)`;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  // eyes look toward the centre of the tile
  const lookX = (0.5 - pose.x) * r * 0.15;
  const lookY = (0.5 - pose.y) * r * 0.15;
  ctx.fillStyle = '#fff';
  for (const dx of [-0.35, 0.35]) {
    ctx.beginPath();
    ctx.arc(x + dx * r, y - 0.2 * r, r * 0.18, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = '#111';
  for (const dx of [-0.35, 0.35]) {
    ctx.beginPath();
    ctx.arc(x + dx * r + lookX, y - 0.2 * r + lookY, r * 0.08, 0, Math.PI * 2);
    ctx.fill();
  }
  // mouth
  ctx.fillStyle = '#5a1a22';
  ctx.beginPath();
  ctx.ellipse(x, y + 0.4 * r, r * 0.35, r * (0.06 + 0.25 * (pose.level ?? 0)), 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = 'rgba(255,255,255,.8)';
  ctx.font = `${Math.max(12, Math.round(h / 18))}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText(name ?? '', x, Math.min(h - 6, y + r + 18));
}
