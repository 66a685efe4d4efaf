import { runInNewContext } from 'node:vm';
import { expect } from 'chai';
import { parseAst } from 'vite';
import { HELPER, HELPER_ID, groupDecorators } from '../../scripts/group-decorators.mjs';

// The CDN build's decorator step (scripts/group-decorators.mjs): a class's field decorators, one call each of the
// generic helper, become one call of a small one; the decorators see the same calls, in the same order.
const parse = (code: string) => parseAst(code) as never;

// What the TypeScript transform writes for a class with decorated fields (oxc's output, as the build sees it).
const module = `import _decorate from "@oxc-project/runtime/helpers/decorate";
import { property, state } from "lit/decorators.js";
export class A extends Base {}
_decorate([property({ attribute: "message-id" })], A.prototype, "messageId", void 0);
_decorate([property({
\ttype: Number,
\treflect: true
})], A.prototype, "size", void 0);
_decorate([state()], A.prototype, "phase", void 0);
export class B extends Base {}
_decorate([property()], B.prototype, "value", void 0);
`;

// The generic helper, as tslib and oxc write it (without Reflect.decorate).
type Decorator = (...args: unknown[]) => unknown;
function decorate(decorators: Decorator[], target: object, key: string, desc?: PropertyDescriptor): unknown {
  const c = arguments.length;
  let r: unknown = c < 3 ? target : desc;
  for (let i = decorators.length - 1; i >= 0; i--) {
    const d = decorators[i];
    if (d) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
  }
  if (c > 3 && r) Object.defineProperty(target, key, r as PropertyDescriptor);
  return r;
}

/** Runs a module's code with recording decorators: each application as `Class.field options`. */
function run(code: string): string[] {
  const calls: string[] = [];
  const factory = (kind: string) => (options?: object) => (proto: { constructor: { name: string } }, name: string, ...rest: unknown[]) => {
    calls.push(`${proto.constructor.name}.${name} ${kind} ${JSON.stringify(options ?? null)} ${rest.length ? String(rest[0]) : ''}`.trim());
    return name === 'size' ? { value: 'defined', writable: true, configurable: true } : undefined;
  };
  const script = (source: string) => source.replace(/^import .*$/gm, '').replace(/^export /gm, '');
  const context: Record<string, unknown> = { _decorate: decorate, property: factory('property'), state: factory('state'), Base: class {} };
  runInNewContext(`${script(HELPER)}\n_decorateFields = decorateFields;`, context);
  runInNewContext(`${script(code)}\nsize = A.prototype.size;`, context);
  calls.push(`A.prototype.size = ${String(context.size)}`);
  return calls;
}

describe('groupDecorators', () => {
  it("groups each class's field decorators into one call of the small helper", () => {
    const out = groupDecorators(module, parse)!.code;
    expect(out).to.include(`import { decorateFields as _decorateFields } from ${JSON.stringify(HELPER_ID)};`);
    expect(out).not.to.include('_decorate(');
    expect(out).not.to.include('@oxc-project/runtime');
    expect(out).to.include('_decorateFields(A.prototype, "messageId", property({ attribute: "message-id" }), "size", property({');
    expect(out).to.include('_decorateFields(B.prototype, "value", property());');
  });

  it('applies the same decorators, in the same order, to the same fields, and defines what they return', () => {
    const before = run(module);
    expect(before).to.deep.equal([
      'A.messageId property {"attribute":"message-id"} undefined',
      'A.size property {"reflect":true} undefined',
      'A.phase state null undefined',
      'B.value property null undefined',
      'A.prototype.size = defined',
    ]);
    // __decorate hands a field's decorator a third argument, undefined; the Lit decorators take two.
    expect(run(groupDecorators(module, parse)!.code)).to.deep.equal(before.map((line) => line.replace(/ undefined$/, '')));
  });

  it('leaves the generic helper for anything else', () => {
    const other = `import _decorate from "@oxc-project/runtime/helpers/decorate";
import { property } from "lit/decorators.js";
class A {}
_decorate([property()], A.prototype, "a", void 0);
_decorate([property(), other()], A.prototype, "b", void 0);
_decorate([custom()], A.prototype, "c", void 0);
_decorate([property()], A.prototype, "d", void 0);
`;
    const out = groupDecorators(other, parse)!.code;
    expect(out).to.include('import _decorate from "@oxc-project/runtime/helpers/decorate";');
    expect(out).to.include('_decorateFields(A.prototype, "a", property());');
    expect(out).to.include('_decorate([property(), other()], A.prototype, "b", void 0);');
    expect(out).to.include('_decorate([custom()], A.prototype, "c", void 0);');
    expect(out).to.include('_decorateFields(A.prototype, "d", property());');
    expect(groupDecorators('const a = 1;', parse)).to.equal(null);
  });
});
