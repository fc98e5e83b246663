; Indentation for Pacta (Neovim-style captures): the contents of every braced construct are
; indented one level; the closing brace goes back.
[
  (agreement)
  (party)
  (part)
  (chapter)
  (article)
  (paragraph)
  (block)
  (benefit)
  (scenario)
] @indent.begin

"}" @indent.end
"}" @indent.branch

; Clause lines under a rule are indented one level.
(rule) @indent.begin
