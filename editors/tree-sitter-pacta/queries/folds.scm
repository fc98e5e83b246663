; Folding for Pacta: every braced construct folds; parts, chapters and articles first of all.
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
  (prose)
] @fold
