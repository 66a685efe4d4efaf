/** Estafette's version, stamped on every element class it registers (kept equal to package.json by a test). */
export const VERSION = '0.1.0';
