// Reading a QR code on the desk page (issue 18): with the browser's BarcodeDetector where it reads QR codes,
// else with jsQR (npm, bundled with the desk page only: desk.html loads it). From the camera (a frame every
// 200 ms until a code is found) or from a photo. Nothing leaves the page: frames are read in a canvas.

let stream = null;

async function detector() {
  try {
    if ('BarcodeDetector' in globalThis && (await BarcodeDetector.getSupportedFormats()).includes('qr_code')) {
      const native = new BarcodeDetector({ formats: ['qr_code'] });
      return async (source) => (await native.detect(source))[0]?.rawValue ?? null;
    }
  } catch {
    // Fall back to jsQR below.
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (source) => {
    const width = source.videoWidth ?? source.width;
    const height = source.videoHeight ?? source.height;
    if (!width || !height || !globalThis.jsQR) return null;
    canvas.width = width;
    canvas.height = height;
    context.drawImage(source, 0, 0);
    const found = globalThis.jsQR(context.getImageData(0, 0, width, height).data, width, height);
    return found?.data || null;
  };
}

/** The text of the QR code in an image file, or null. */
export async function scanFile(file) {
  try {
    const bitmap = await createImageBitmap(file);
    const text = await (await detector())(bitmap);
    bitmap.close();
    return text;
  } catch {
    return null;
  }
}

/** Starts the camera in `video`; resolves with the first code's text (null if stopped), rejects without a camera. */
export async function scanCamera(video) {
  stopCamera();
  stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  await video.play();
  const read = await detector();
  const mine = stream;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (stream !== mine) return null;
    const text = await read(video).catch(() => null);
    if (text) {
      stopCamera();
      video.srcObject = null;
      return text;
    }
  }
}

/** Stops the camera, if it runs. */
export function stopCamera() {
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
}

/** Offers `text` as a file named `name` to save (a blob: address of this page, never a request). */
export function saveFile(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
