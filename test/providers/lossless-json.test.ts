import fc from 'fast-check';
import { expect } from '../support/expect.js';
import { parseJsonLossless, quoteUnsafeIntegers } from '../../src/providers/index.js';

describe('parseJsonLossless', () => {
  it('keeps integers beyond 2^53 digit for digit, as strings', () => {
    expect(parseJsonLossless('{"MessageID": 19421777835146493}')).to.deep.equal({ MessageID: '19421777835146493' });
    // JSON.parse would make it ...992.
    expect(parseJsonLossless('[9007199254740993]')).to.deep.equal(['9007199254740993']);
    expect(parseJsonLossless('{"id": 123456789012345678901234567890}')).to.deep.equal({ id: '123456789012345678901234567890' });
  });

  it('keeps safe integers as numbers, the largest safe ones included', () => {
    expect(parseJsonLossless('[9007199254740991, -9007199254740991, 1511882900176220, 0, -0]')).to.deep.equal([
      9007199254740991, -9007199254740991, 1511882900176220, 0, -0,
    ]);
  });

  it('quotes negative unsafe integers with their sign', () => {
    expect(parseJsonLossless('{"a": -9007199254740993}')).to.deep.equal({ a: '-9007199254740993' });
  });

  it('leaves fractions and exponents to JSON.parse, however many digits', () => {
    const text = '[12345678901234567.5, 1e400, 12345678901234567890e2, 1.5E-3]';
    const parsed = parseJsonLossless(text) as number[];
    expect(parsed).to.deep.equal(JSON.parse(text));
    expect(parsed.every((n) => typeof n === 'number')).to.equal(true);
    expect(parsed[1]).to.equal(Infinity);
  });

  it('never touches digits inside strings, escaped quotes included', () => {
    const text = String.raw`{"a": "id 12345678901234567890", "b": "quote \" 98765432109876543210 \\", "c": 12345678901234567890, "d": "\\\"99999999999999999999"}`;
    expect(parseJsonLossless(text)).to.deep.equal({
      a: 'id 12345678901234567890',
      b: 'quote " 98765432109876543210 \\',
      c: '12345678901234567890',
      d: '\\"99999999999999999999',
    });
  });

  it('handles nested arrays and objects, and keys that look like numbers', () => {
    const text = '{"12345678901234567890": [[12345678901234567890, [1, {"x": 22222222222222222222}]]]}';
    expect(parseJsonLossless(text)).to.deep.equal({ '12345678901234567890': [['12345678901234567890', [1, { x: '22222222222222222222' }]]] });
  });

  it('ignores a byte-order mark and whitespace between tokens', () => {
    expect(parseJsonLossless('\uFEFF \n{ "a" :\t12345678901234567890 }\n')).to.deep.equal({ a: '12345678901234567890' });
  });

  it('still rejects what is not JSON', () => {
    for (const bad of ['{', '{"a": 12345678901234567890', '[1,]', '{"a": 01}', "{'a': 1}", '12345678901234567890abc', '"unterminated'])
      expect(() => parseJsonLossless(bad), bad).to.throw(SyntaxError);
  });

  it('returns the text unchanged when there is nothing to protect', () => {
    const text = '{"a": [1, 2, 3], "b": "x"}';
    expect(quoteUnsafeIntegers(text)).to.equal(text);
  });

  it('agrees with JSON.parse on any JSON without unsafe integers (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        // fast-check's doubles may print as unsafe integers (1e+21 prints with an exponent, but 2^60 does not).
        fc.pre(!/(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""')));
        expect(parseJsonLossless(text)).to.deep.equal(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps any 64-bit id exactly wherever it sits (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n }), fc.string(), (id, label) => {
        const text = `{"label": ${JSON.stringify(label)}, "ids": [${id}], "nested": {"id": ${id}}}`;
        const parsed = parseJsonLossless(text) as { label: string; ids: unknown[]; nested: { id: unknown } };
        const safe = id >= -(2n ** 53n - 1n) && id <= 2n ** 53n - 1n;
        const expected = safe ? Number(id) : id.toString();
        expect(parsed.label).to.equal(label);
        expect(parsed.ids[0]).to.equal(expected);
        expect(parsed.nested.id).to.equal(expected);
      }),
      { numRuns: 300 },
    );
  });
});
