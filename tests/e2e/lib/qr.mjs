// The take-away QR code as a phone camera reads it: the SVG the app draws, rasterised and decoded by jsQR.
import jsQR from 'jsqr';

/** Decodes the QR code from its SVG (modules drawn as `M x,y h n v1 h-n z` runs); null when unreadable. */
export async function decodeQr(svg) {
  const [, , , size] = (await svg.getAttribute('viewBox')).split(' ').map(Number);
  const d = await svg.locator('path').getAttribute('d');
  const scale = 6;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, n] of d.matchAll(/M(\d+),(\d+)h(\d+)v1h-\d+z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(n)) * scale; px++) {
        const offset = ((Number(y) * scale + dy) * width + px) * 4;
        pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}
