/**
 * WCAG contrast ratio of two opaque colors as `getComputedStyle` gives them: `rgb()`, or `color(srgb …)` (a
 * `color-mix()` resolved).
 */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const scale = color.startsWith('color(srgb ') ? 1 : 255;
    const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / scale;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
