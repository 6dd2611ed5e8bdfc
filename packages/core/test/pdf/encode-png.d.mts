/** Encodes an 8-bit RGBA image as PNG (filter 0 on every row). */
export declare function encodeRgbaPng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => ArrayLike<number>,
): Buffer;
