// Part of `npm run build:types` (after build:lib): tsc emits no declaration file for a hand-written one, so the
// framework typings (src/frameworks/*.d.ts: estafette/react, estafette/vue) are copied beside the declarations they
// import. Those entries are types only; each gets an empty module too, so that an `import 'estafette/vue'` written
// without `type` (or a server-side render importing every entry) resolves instead of failing the build.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';

mkdirSync('dist/types/frameworks', { recursive: true });
mkdirSync('dist/lib/frameworks', { recursive: true });
for (const name of readdirSync('src/frameworks').filter((file) => file.endsWith('.d.ts'))) {
  copyFileSync(`src/frameworks/${name}`, `dist/types/frameworks/${name}`);
}
for (const entry of ['react', 'vue']) {
  writeFileSync(`dist/lib/frameworks/${entry}.js`, `// estafette/${entry} is types only: import type {} from 'estafette/${entry}'.\nexport {};\n`);
}
