// The tokenizer: Python source text → a flat vector of tokens, the first stage of
// source → tokens → AST (parser.h) → evaluation (interpreter.h).
//
// Like CPython's tokenizer it turns leading whitespace into INDENT/DEDENT tokens, ends each
// logical line with NEWLINE, joins lines inside brackets and after a backslash, and skips
// comments and blank lines. String literals are decoded here, except f-strings, whose raw body
// the parser splits into text and `{expression}` parts. Errors are raised as SyntaxErrorEx with
// CPython 3.11's wording ("unterminated string literal (detected at line 1)", "'(' was never
// closed", "unindent does not match any outer indentation level").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/script/errors.h"

namespace gradlab::script {

enum class Tok : uint8_t { Name, Keyword, Int, Float, String, Op, Newline, Indent, Dedent, End };

#define GRADLAB_KEYWORDS(X)                                                                  \
  X(False, "False") X(None, "None") X(True, "True") X(And, "and") X(As, "as")                \
  X(Assert, "assert") X(Async, "async") X(Await, "await") X(Break, "break")                  \
  X(Class, "class") X(Continue, "continue") X(Def, "def") X(Del, "del") X(Elif, "elif")      \
  X(Else, "else") X(Except, "except") X(Finally, "finally") X(For, "for") X(From, "from")    \
  X(Global, "global") X(If, "if") X(Import, "import") X(In, "in") X(Is, "is")                \
  X(Lambda, "lambda") X(Nonlocal, "nonlocal") X(Not, "not") X(Or, "or") X(Pass, "pass")      \
  X(Raise, "raise") X(Return, "return") X(Try, "try") X(While, "while") X(With, "with")      \
  X(Yield, "yield")

enum class Kw : uint8_t {
  NotKeyword,
#define GRADLAB_KW_ENUM(id, text) id,
  GRADLAB_KEYWORDS(GRADLAB_KW_ENUM)
#undef GRADLAB_KW_ENUM
};
const char* keyword_text(Kw k);

// Operators and delimiters, longest first where it matters for the scanner.
#define GRADLAB_OPERATORS(X)                                                                   \
  X(DoubleStarEqual, "**=") X(DoubleSlashEqual, "//=") X(LeftShiftEqual, "<<=")              \
  X(RightShiftEqual, ">>=") X(Ellipsis, "...") X(DoubleStar, "**") X(DoubleSlash, "//")       \
  X(LeftShift, "<<") X(RightShift, ">>") X(EqEqual, "==") X(NotEqual, "!=")                   \
  X(LessEqual, "<=") X(GreaterEqual, ">=") X(PlusEqual, "+=") X(MinusEqual, "-=")             \
  X(StarEqual, "*=") X(SlashEqual, "/=") X(PercentEqual, "%=") X(AmperEqual, "&=")            \
  X(VBarEqual, "|=") X(CircumflexEqual, "^=") X(AtEqual, "@=") X(Arrow, "->")                 \
  X(ColonEqual, ":=") X(LPar, "(") X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(LBrace, "{")      \
  X(RBrace, "}") X(Colon, ":") X(Comma, ",") X(Semi, ";") X(Plus, "+") X(Minus, "-")          \
  X(Star, "*") X(Slash, "/") X(VBar, "|") X(Amper, "&") X(Less, "<") X(Greater, ">")          \
  X(Equal, "=") X(Dot, ".") X(Percent, "%") X(Tilde, "~") X(Circumflex, "^") X(At, "@")       \
  X(Bang, "!")

enum class Op : uint8_t {
  None,
#define GRADLAB_OP_ENUM(id, text) id,
  GRADLAB_OPERATORS(GRADLAB_OP_ENUM)
#undef GRADLAB_OP_ENUM
};
const char* op_text(Op op);

struct Token {
  Tok kind = Tok::End;
  Op op = Op::None;       // kind == Op
  Kw kw = Kw::NotKeyword; // kind == Keyword
  SourceRange pos;
  std::string text;       // Name: identifier; String: decoded value (f-string: raw body)
  int64_t int_value = 0;
  double float_value = 0;
  bool fstring = false;   // String: an f"..." literal; `text` is the undecoded body
  bool raw = false;       // String: r"..." (f-string bodies keep backslashes as written)
  int body_col = 0;       // String: column where the body starts (for f-string positions)
};

// Tokenizes `source`. `first_line` offsets line numbers (f-string expressions are lexed alone).
std::vector<Token> tokenize(std::string_view source, int first_line = 1, int first_col = 0);

// Decodes the backslash escapes of a non-raw string body (shared with f-string literal parts).
std::string decode_escapes(std::string_view body, SourceRange where);

}  // namespace gradlab::script
