/**
 * Cross-field rules of a report template, written by staff as text and checked against a unit's
 * numbers: `victims_supported <= victims_identified`,
 * `returned_total = returned_labour + returned_other`.
 *
 * Grammar (a tokenizer and a recursive-descent parser; nothing is ever passed to eval/Function):
 *
 *   rule        := or
 *   or          := and ("or" and)*
 *   and         := not ("and" not)*
 *   not         := "not" not | comparison
 *   comparison  := sum (("<" | "<=" | "=" | ">=" | ">" | "!=") sum)?
 *   sum         := product (("+" | "-") product)*
 *   product     := unary (("*" | "/") unary)*
 *   unary       := "-" unary | primary
 *   primary     := number | field_key | "(" or ")"
 *
 * Numbers use a dot for decimals (`0.5`). Keywords are case-insensitive; `&&`, `||`, `!`, `==`,
 * `<>`, `≤`, `≥`, `≠`, `×`, `÷` are read as their plain forms. A field key is a snake_case
 * identifier, read in lower case. A rule is one comparison or several joined by and/or/not;
 * comparisons do not chain (`0 <= a <= 10` is refused: write `0 <= a and a <= 10`).
 *
 * Semantics of missing values: a field with no number (not filled in, or not a number) is
 * unknown, and so is a division by zero. A comparison with an unknown side is unknown; `and`,
 * `or` and `not` follow three-valued (Kleene) logic: `false and unknown` is false,
 * `true or unknown` is true, otherwise unknown stays unknown. A rule fails only when it is false,
 * that is when the values given already break it whatever the missing ones turn out to be; an
 * unknown rule counts as passing (`skipped`). Required fields are checked separately, so at
 * submission a rule is skipped only for optional fields left empty.
 *
 * Equality and order allow for floating-point rounding (0.1 + 0.2 = 0.3), within a relative
 * 1e-9.
 */

/** Longest rule text accepted. */
export const MAX_RULE_LENGTH = 500;
/** Deepest nesting of parentheses, `not` and unary minus accepted. */
export const MAX_RULE_DEPTH = 20;
/** Largest number literal accepted. */
const MAX_LITERAL = 1e15;
const TOLERANCE = 1e-9;

export type ComparisonOperator = '<' | '<=' | '=' | '>=' | '>' | '!=';
export type ArithmeticOperator = '+' | '-' | '*' | '/';

/** A numeric expression; `position` is the 0-based offset in the rule text. */
export type NumericExpression =
  | { kind: 'number'; value: number; position: number }
  | { kind: 'field'; key: string; position: number }
  | { kind: 'negate'; operand: NumericExpression; position: number }
  | {
      kind: 'arithmetic';
      operator: ArithmeticOperator;
      left: NumericExpression;
      right: NumericExpression;
      position: number;
    };

/** A parsed rule: a comparison, or comparisons joined by and/or/not. */
export type RuleExpression =
  | {
      kind: 'compare';
      operator: ComparisonOperator;
      left: NumericExpression;
      right: NumericExpression;
      position: number;
    }
  | { kind: 'and' | 'or'; left: RuleExpression; right: RuleExpression; position: number }
  | { kind: 'not'; operand: RuleExpression; position: number };

/** Why a rule text could not be read: a Vietnamese message and the 0-based offset it points at. */
export interface RuleParseError {
  message: string;
  position: number;
}

export type RuleParseResult =
  { ok: true; rule: RuleExpression } | { ok: false; error: RuleParseError };

/**
 * The outcome of a rule against a report's values. `skipped`: the rule could not be decided
 * because a value it needs is missing, and counts as passing. `fields`: when it fails, the fields
 * of the comparisons that make it fail, in the order the rule names them.
 */
export type RuleOutcome = { ok: true; skipped: boolean } | { ok: false; fields: string[] };

/** Values by field key; only finite numbers take part, anything else is missing. */
export type RuleValues = Readonly<Record<string, unknown>>;

/** Reads a rule; never throws. */
export function parseRule(text: string): RuleParseResult {
  try {
    if (typeof text !== 'string' || !text.trim()) {
      throw new ParseFailure(
        'Quy tắc đang để trống; hãy viết một phép so sánh, ví dụ victims <= cases.',
        0,
      );
    }
    if (text.length > MAX_RULE_LENGTH) {
      throw new ParseFailure(`Quy tắc quá dài: tối đa ${MAX_RULE_LENGTH} ký tự.`, MAX_RULE_LENGTH);
    }
    const parser = new Parser(tokenise(text), text.length);
    const node = parser.parseRule();
    return { ok: true, rule: node };
  } catch (error) {
    if (error instanceof ParseFailure) {
      return { ok: false, error: { message: error.message, position: error.position } };
    }
    throw error;
  }
}

/** The field keys a rule (or a numeric expression) uses, each once, in order of appearance. */
export function ruleFields(node: RuleExpression | NumericExpression): string[] {
  const keys: string[] = [];
  collectFields(node, keys);
  return keys;
}

/** Checks a parsed rule against the values of a report (see the semantics above). */
export function evaluateRule(rule: RuleExpression, values: RuleValues): RuleOutcome {
  const result = truth(rule, values);
  if (result.value === false) {
    return { ok: false, fields: ruleFields(rule).filter((key) => result.blame.has(key)) };
  }
  return { ok: true, skipped: result.value === undefined };
}

// --- tokens ------------------------------------------------------------------------------------

type TokenKind = 'number' | 'field' | 'operator' | 'open' | 'close' | 'and' | 'or' | 'not';

interface Token {
  kind: TokenKind;
  text: string;
  position: number;
  value?: number;
}

const COMPARISONS = new Set<string>(['<', '<=', '=', '>=', '>', '!=']);

const SYMBOLS: [string, TokenKind, string][] = [
  ['<=', 'operator', '<='],
  ['>=', 'operator', '>='],
  ['!=', 'operator', '!='],
  ['<>', 'operator', '!='],
  ['==', 'operator', '='],
  ['&&', 'and', 'and'],
  ['||', 'or', 'or'],
  ['≤', 'operator', '<='],
  ['≥', 'operator', '>='],
  ['≠', 'operator', '!='],
  ['<', 'operator', '<'],
  ['>', 'operator', '>'],
  ['=', 'operator', '='],
  ['+', 'operator', '+'],
  ['-', 'operator', '-'],
  ['−', 'operator', '-'],
  ['*', 'operator', '*'],
  ['×', 'operator', '*'],
  ['/', 'operator', '/'],
  ['÷', 'operator', '/'],
  ['!', 'not', 'not'],
  ['(', 'open', '('],
  [')', 'close', ')'],
];

const NUMBER = /\d+(?:\.\d+)?/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const KEYWORDS = new Map<string, TokenKind>([
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
]);

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      const end = at + number[0].length;
      if (text[end] === ',' && /\d/.test(text[end + 1] ?? '')) {
        throw new ParseFailure(
          `Dùng dấu chấm cho phần thập phân, ví dụ 0.5 (vị trí ${end + 1}).`,
          end,
        );
      }
      if (/[A-Za-z_]/.test(text[end] ?? '')) {
        throw new ParseFailure(`Mã trường không được bắt đầu bằng chữ số (vị trí ${at + 1}).`, at);
      }
      const value = Number(number[0]);
      if (value > MAX_LITERAL) throw new ParseFailure(`Số quá lớn ở vị trí ${at + 1}.`, at);
      tokens.push({ kind: 'number', text: number[0], position: at, value });
      at = end;
      continue;
    }
    IDENTIFIER.lastIndex = at;
    const word = IDENTIFIER.exec(text);
    if (word) {
      const lower = word[0].toLowerCase();
      tokens.push({ kind: KEYWORDS.get(lower) ?? 'field', text: lower, position: at });
      at += word[0].length;
      continue;
    }
    const symbol = SYMBOLS.find(([written]) => text.startsWith(written, at));
    if (!symbol) {
      const shown = String.fromCodePoint(text.codePointAt(at) as number);
      throw new ParseFailure(
        `Ký tự “${shown}” ở vị trí ${at + 1} không dùng được trong quy tắc.`,
        at,
      );
    }
    tokens.push({ kind: symbol[1], text: symbol[2], position: at });
    at += symbol[0].length;
  }
  return tokens;
}

// --- parser ------------------------------------------------------------------------------------

type Node = RuleExpression | NumericExpression;

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parseRule(): RuleExpression {
    const node = this.or();
    const extra = this.peek();
    if (extra) {
      if (extra.kind === 'close') {
        throw new ParseFailure(
          `Thừa dấu “)” ở vị trí ${extra.position + 1}, không có dấu “(” tương ứng.`,
          extra.position,
        );
      }
      throw new ParseFailure(
        `Không hiểu “${extra.text}” ở vị trí ${extra.position + 1}: có thể còn thiếu một dấu phép tính, dấu so sánh, and hoặc or ở trước nó.`,
        extra.position,
      );
    }
    if (!isRuleExpression(node)) {
      throw new ParseFailure('Quy tắc phải là một phép so sánh, ví dụ victims <= cases.', 0);
    }
    return node;
  }

  private or(): Node {
    let left = this.and();
    for (let token = this.peek(); token?.kind === 'or'; token = this.peek()) {
      this.index += 1;
      const right = this.and();
      left = {
        kind: 'or',
        left: this.logical(left, token),
        right: this.logical(right, token),
        position: token.position,
      };
    }
    return left;
  }

  private and(): Node {
    let left = this.not();
    for (let token = this.peek(); token?.kind === 'and'; token = this.peek()) {
      this.index += 1;
      const right = this.not();
      left = {
        kind: 'and',
        left: this.logical(left, token),
        right: this.logical(right, token),
        position: token.position,
      };
    }
    return left;
  }

  private not(): Node {
    const token = this.peek();
    if (token?.kind !== 'not') return this.comparison();
    this.index += 1;
    const operand = this.nested(() => this.not());
    if (!isRuleExpression(operand)) {
      throw new ParseFailure(
        `Sau “not” phải là một phép so sánh (vị trí ${token.position + 1}).`,
        token.position,
      );
    }
    return { kind: 'not', operand, position: token.position };
  }

  private comparison(): Node {
    const left = this.sum();
    const token = this.peek();
    if (token?.kind !== 'operator' || !COMPARISONS.has(token.text)) return left;
    this.index += 1;
    const right = this.sum();
    const next = this.peek();
    if (next?.kind === 'operator' && COMPARISONS.has(next.text)) {
      throw new ParseFailure(
        `Không viết hai phép so sánh liền nhau (vị trí ${next.position + 1}); hãy tách bằng and, ví dụ 0 <= a and a <= 10.`,
        next.position,
      );
    }
    return {
      kind: 'compare',
      operator: token.text as ComparisonOperator,
      left: this.numeric(left, token),
      right: this.numeric(right, token),
      position: token.position,
    };
  }

  private sum(): Node {
    let left = this.product();
    for (let token = this.peek(); isOperator(token, '+', '-'); token = this.peek()) {
      this.index += 1;
      const right = this.product();
      left = this.arithmetic(token as Token, left, right);
    }
    return left;
  }

  private product(): Node {
    let left = this.unary();
    for (let token = this.peek(); isOperator(token, '*', '/'); token = this.peek()) {
      this.index += 1;
      const right = this.unary();
      left = this.arithmetic(token as Token, left, right);
    }
    return left;
  }

  private unary(): Node {
    const token = this.peek();
    if (!token || !isOperator(token, '-')) return this.primary();
    this.index += 1;
    const operand = this.nested(() => this.unary());
    return { kind: 'negate', operand: this.numeric(operand, token), position: token.position };
  }

  private primary(): Node {
    const token = this.peek();
    if (!token) {
      throw new ParseFailure(
        'Quy tắc chưa viết xong: còn thiếu một số hoặc mã trường ở cuối.',
        this.length,
      );
    }
    this.index += 1;
    if (token.kind === 'number') {
      return { kind: 'number', value: token.value as number, position: token.position };
    }
    if (token.kind === 'field') return { kind: 'field', key: token.text, position: token.position };
    if (token.kind === 'open') {
      const inner = this.nested(() => this.or());
      const close = this.peek();
      if (close?.kind !== 'close') {
        const at = close?.position ?? this.length;
        throw new ParseFailure(
          `Thiếu dấu “)” ở vị trí ${at + 1} để đóng dấu “(” ở vị trí ${token.position + 1}.`,
          at,
        );
      }
      this.index += 1;
      return inner;
    }
    throw new ParseFailure(
      `Cần một số hoặc mã trường ở vị trí ${token.position + 1}, không phải “${token.text}”.`,
      token.position,
    );
  }

  private nested(parse: () => Node): Node {
    this.depth += 1;
    if (this.depth > MAX_RULE_DEPTH) {
      const at = this.peek()?.position ?? this.length;
      throw new ParseFailure(`Quy tắc lồng nhau quá sâu (tối đa ${MAX_RULE_DEPTH} tầng).`, at);
    }
    const node = parse();
    this.depth -= 1;
    return node;
  }

  private arithmetic(token: Token, left: Node, right: Node): NumericExpression {
    return {
      kind: 'arithmetic',
      operator: token.text as ArithmeticOperator,
      left: this.numeric(left, token),
      right: this.numeric(right, token),
      position: token.position,
    };
  }

  private numeric(node: Node, token: Token): NumericExpression {
    if (isRuleExpression(node)) {
      throw new ParseFailure(
        `Hai bên của “${token.text}” phải là số, mã trường hoặc phép tính, không phải một phép so sánh (vị trí ${token.position + 1}).`,
        token.position,
      );
    }
    return node;
  }

  private logical(node: Node, token: Token): RuleExpression {
    if (!isRuleExpression(node)) {
      throw new ParseFailure(
        `Hai bên của “${token.text}” phải là phép so sánh, ví dụ a <= b ${token.text} c <= d (vị trí ${token.position + 1}).`,
        token.position,
      );
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }
}

function isOperator(token: Token | undefined, ...operators: string[]): boolean {
  return token?.kind === 'operator' && operators.includes(token.text);
}

function isRuleExpression(node: Node): node is RuleExpression {
  return (
    node.kind === 'compare' || node.kind === 'and' || node.kind === 'or' || node.kind === 'not'
  );
}

// --- evaluation --------------------------------------------------------------------------------

interface Truth {
  /** undefined: unknown (a value it needs is missing). */
  value: boolean | undefined;
  /** When false: the fields of the comparisons that make it false. */
  blame: Set<string>;
}

function truth(node: RuleExpression, values: RuleValues): Truth {
  switch (node.kind) {
    case 'compare': {
      const left = numberOf(node.left, values);
      const right = numberOf(node.right, values);
      const value =
        left === undefined || right === undefined ? undefined : compare(node.operator, left, right);
      return { value, blame: new Set(ruleFields(node)) };
    }
    case 'not': {
      const operand = truth(node.operand, values);
      const value = operand.value === undefined ? undefined : !operand.value;
      return { value, blame: new Set(ruleFields(node.operand)) };
    }
    case 'and':
    case 'or': {
      const sides = [truth(node.left, values), truth(node.right, values)];
      // `or` is decided by a true side, `and` by a false one.
      const decisive = node.kind === 'or';
      const deciding = sides.filter((side) => side.value === decisive);
      if (deciding.length > 0) {
        return { value: decisive, blame: decisive ? new Set() : union(deciding) };
      }
      if (sides.some((side) => side.value === undefined)) {
        return { value: undefined, blame: new Set() };
      }
      return { value: !decisive, blame: decisive ? union(sides) : new Set() };
    }
  }
}

function union(sides: Truth[]): Set<string> {
  const all = new Set<string>();
  for (const side of sides) for (const key of side.blame) all.add(key);
  return all;
}

function numberOf(node: NumericExpression, values: RuleValues): number | undefined {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'field': {
      const value = Object.prototype.hasOwnProperty.call(values, node.key)
        ? values[node.key]
        : undefined;
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    }
    case 'negate': {
      const operand = numberOf(node.operand, values);
      return operand === undefined ? undefined : -operand;
    }
    case 'arithmetic': {
      const left = numberOf(node.left, values);
      const right = numberOf(node.right, values);
      if (left === undefined || right === undefined) return undefined;
      const result = arithmetic(node.operator, left, right);
      return Number.isFinite(result) ? result : undefined;
    }
  }
}

function arithmetic(operator: ArithmeticOperator, left: number, right: number): number {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? Number.NaN : left / right;
  }
}

function compare(operator: ComparisonOperator, left: number, right: number): boolean {
  const equal = Math.abs(left - right) <= TOLERANCE * Math.max(1, Math.abs(left), Math.abs(right));
  switch (operator) {
    case '=':
      return equal;
    case '!=':
      return !equal;
    case '<':
      return !equal && left < right;
    case '<=':
      return equal || left < right;
    case '>':
      return !equal && left > right;
    case '>=':
      return equal || left > right;
  }
}

function collectFields(node: Node, keys: string[]): void {
  switch (node.kind) {
    case 'field':
      if (!keys.includes(node.key)) keys.push(node.key);
      return;
    case 'number':
      return;
    case 'negate':
    case 'not':
      collectFields(node.operand, keys);
      return;
    default:
      collectFields(node.left, keys);
      collectFields(node.right, keys);
  }
}
