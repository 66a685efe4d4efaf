/** The red, green and blue of a color as `getComputedStyle` gives it (`rgb()`, or `color(srgb …)`), from 0 to 1. */
const channels = (color: string): number[] => {
  const scale = color.startsWith('color(srgb ') ? 1 : 255;
  return color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / scale);
};

/**
 * WCAG contrast ratio of two opaque colors as `getComputedStyle` gives them: `rgb()`, or `color(srgb …)` (a
 * `color-mix()` resolved).
 */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = channels(color).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The color seen where `color` is drawn at `opacity` over the opaque `under`, composited as browsers do (in sRGB). */
export function seenOver(color: string, opacity: number, under: string): string {
  const below = channels(under);
  return `rgb(${channels(color).map((c, i) => (c * opacity + below[i]! * (1 - opacity)) * 255).join(', ')})`;
}
