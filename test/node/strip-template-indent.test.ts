import { decode } from '@jridgewell/sourcemap-codec';
import { expect } from 'chai';
import { stripLineIndentation } from '../../scripts/strip-template-indent.mjs';

// The CDN build's last step (scripts/strip-template-indent.mjs): the indentation of its templates' lines goes, and
// the source map still points each piece of code at where it was.
describe('stripLineIndentation', () => {
  const code = 'let a=1;const t=h`<p>\n      <b>${a}</b>\n\t\t</p>\n`,c=css`:host{\n  display:block;\n}`;';

  it('drops the spaces and tabs after each line break, and nothing else', () => {
    expect(stripLineIndentation(code).code).to.equal('let a=1;const t=h`<p>\n<b>${a}</b>\n</p>\n`,c=css`:host{\ndisplay:block;\n}`;');
    const flat = 'let a=`x y`,b="  z";';
    expect(stripLineIndentation(flat).code).to.equal(flat);
  });

  it('maps what follows the indentation it drops to where it was', () => {
    const { map } = stripLineIndentation(code);
    const lines = decode(map.mappings);
    // Line 2 now starts with `<b>`, which stood at column 6; `${a}` after it, at column 9.
    const at = (line: number, column: number) => lines[line]!.find((segment) => segment[0] === column);
    expect(at(1, 0)?.slice(2)).to.deep.equal([1, 6]);
    expect(at(1, 3)?.slice(2)).to.deep.equal([1, 9]);
    // The first line is unchanged.
    expect(at(0, 8)?.slice(2)).to.deep.equal([0, 8]);
  });
});
