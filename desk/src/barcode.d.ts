// BarcodeDetector (Chrome, Android) is not in TypeScript's DOM types yet.
interface DetectedBarcode {
  rawValue: string
}
declare class BarcodeDetector {
  constructor(options?: { formats: string[] })
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>
}
