import 'reflect-metadata';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { declaredTextProblems, MAX_INPUT_DEPTH, MultilineText, rawTextProblems, textProblem } from './text-policy.js';

class Line {
  @IsString() msisdn: string;
  @IsOptional() @MultilineText() @IsString() note?: string;
}

class Body {
  @IsString() name: string;
  @MultilineText() @IsString() sms: string;
  @ValidateNested({ each: true }) @Type(() => Line) lines: Line[];
  @IsOptional() @IsObject() upstream?: Record<string, unknown>;
}

function body(fields: Partial<Body>): Body {
  return Object.assign(new Body(), { name: 'Acme', sms: 'hi', lines: [] }, fields);
}

describe('textProblem', () => {
  it('refuses NUL and every other control character in single-line text, naming it', () => {
    expect(textProblem('a\u0000b', 'single-line')).toBe('must not contain the control character U+0000');
    for (const c of ['\t', '\n', '\r', '\u0001', '\u001B', '\u007F', '\u0085', '\u009F']) expect(textProblem(`a${c}b`, 'single-line')).toMatch(/control character/);
  });

  it('lets multi-line text keep tab and line breaks, but never NUL or the other controls', () => {
    expect(textProblem('line one\r\nline two\tend', 'multiline')).toBeUndefined();
    for (const c of ['\u0000', '\u0007', '\u000B', '\u000C', '\u001B', '\u007F', '\u0080']) expect(textProblem(`a${c}b`, 'multiline')).toMatch(/control character/);
  });

  it('keeps every printable character of every script, emoji sequences and right-to-left text included', () => {
    for (const text of ['Tendai Moyo', 'Ñandú São Paulo', 'Ἀθῆναι', 'Зимбабве', 'زيمبابوي', 'ジンバブエ', '👩🏾‍💻 ok', 'ₓ²½']) {
      expect(textProblem(text, 'single-line')).toBeUndefined();
    }
  });

  it('refuses half of a surrogate pair (it cannot be stored as UTF-8) but not a whole pair', () => {
    expect(textProblem('a\uD83Db', 'multiline')).toMatch(/surrogate/);
    expect(textProblem('\uDE00', 'multiline')).toMatch(/surrogate/);
    expect(textProblem('\uD83D\uDE00', 'single-line')).toBeUndefined();
  });
});

describe('rawTextProblems', () => {
  it('holds a bare path or query value to the single-line rule, under its parameter name', () => {
    expect(rawTextProblems('a\u0000b', 'id').problems).toEqual({ id: ['id must not contain the control character U+0000'] });
    expect(rawTextProblems('a\nb', 'id').problems).toEqual({ id: ['id must not contain the control character U+000A'] });
    expect(rawTextProblems('ORD-1', 'id').problems).toEqual({});
  });

  it('finds NUL at any depth and in field names, naming the path, and lets line breaks through', () => {
    const { problems } = rawTextProblems({ a: { b: ['ok', 'x\u0000'] }, 'k\u0000': 1, c: 'two\nlines' }, 'body');
    expect(problems).toEqual({
      'a.b.1': ['a.b.1 must not contain the control character U+0000'],
      'k\\u0000': ['k\\u0000 (a field name) must not contain the control character U+0000'],
    });
  });

  it('refuses the names that reach a prototype instead of a field, at any depth', () => {
    const body = JSON.parse('{"url":"https://x.test","constructor":"x","a":{"__proto__":{"admin":true},"prototype":1}}');
    expect(Object.keys(rawTextProblems(body, 'body').problems).sort()).toEqual(['a.__proto__', 'a.prototype', 'constructor']);
  });

  it('refuses input nested deeper than the limit without recursing (no stack overflow at any depth)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const { tooDeep, problems } = rawTextProblems({ deep }, 'body');
    expect(tooDeep).toBe(true);
    expect(Object.values(problems).flat()[0]).toMatch(`nested more than ${MAX_INPUT_DEPTH} levels`);
    expect(rawTextProblems({ a: { b: { c: 1 } } }, 'body').tooDeep).toBe(false);
  });
});

describe('declaredTextProblems', () => {
  it('holds a request class’s string fields to the single-line rule unless marked multi-line', () => {
    expect(declaredTextProblems(body({ name: 'Acme\tLtd', sms: 'Hi\nthere' }))).toEqual({ name: ['name must not contain the control character U+0009'] });
  });

  it('follows nested request classes and arrays of them', () => {
    const line = Object.assign(new Line(), { msisdn: '263771\n234567', note: 'two\nlines' });
    expect(declaredTextProblems(body({ lines: [Object.assign(new Line(), { msisdn: '263771234567' }), line] }))).toEqual({
      'lines.1.msisdn': ['lines.1.msisdn must not contain the control character U+000A'],
    });
  });

  it('leaves plain objects inside a request (an upstream body) to the raw rule', () => {
    expect(declaredTextProblems(body({ upstream: { message: 'Recharge\nsuccessful' } }))).toEqual({});
  });
});
