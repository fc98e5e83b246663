;;; pacta-mode.el --- Major mode for Pacta social security agreements -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "26.1"))
;; Keywords: languages
;; SPDX-License-Identifier: Apache-2.0

;;; Commentary:

;; A major mode for Pacta (`.pacta') files: social security agreements laid out like the ILO
;; model agreement (R167), with Parts, chapters, Articles, applicable-legislation rules and
;; scenarios.  It provides font-lock highlighting, `//' comments, `"""' prose blocks, brace
;; indentation, and imenu entries for Parts, chapters, Articles, Parties and scenarios.
;;
;; The keyword lists mirror grammar/pacta.pest in the Pacta repository; the test
;; tests/it/editor_keywords.rs fails when a keyword of the grammar is missing here.

;;; Code:

(require 'subr-x)

(defgroup pacta nil
  "Support for Pacta social security agreements."
  :group 'languages
  :prefix "pacta-")

(defcustom pacta-indent-offset 2
  "Number of columns for each level of indentation in Pacta files."
  :type 'integer
  :safe #'integerp
  :group 'pacta)

;;;; Faces

(defface pacta-structure-face '((t :inherit font-lock-keyword-face :weight bold))
  "Face for structural keywords: agreement, party, part, chapter, article, rule …")
(defface pacta-provision-face '((t :inherit font-lock-builtin-face))
  "Face for provision keywords: equal-treatment, aggregation, personal-scope, benefit …")
(defface pacta-suppression-face '((t :inherit font-lock-preprocessor-face))
  "Face for the `allow' keyword of suppressions.")
(defface pacta-check-code-face '((t :inherit font-lock-preprocessor-face :slant italic))
  "Face for check codes such as P303 and check names in suppressions.")
(defface pacta-scenario-face '((t :inherit font-lock-builtin-face :slant italic))
  "Face for `situation' and `expect' in scenarios.")
(defface pacta-outcome-face '((t :inherit font-lock-constant-face :weight bold))
  "Face for the outcomes `gap' and `overlap'.")
(defface pacta-clause-face '((t :inherit font-lock-keyword-face))
  "Face for rule clauses: overrides, limit, extension, repost-gap …")
(defface pacta-condition-face '((t :inherit font-lock-function-name-face))
  "Face for the conditions of rules and situations: employed, posted, seafarer …")
(defface pacta-connective-face '((t :inherit font-lock-keyword-face :weight normal))
  "Face for connectives in conditions and clauses: in, and, of, under, flag, is, by.")
(defface pacta-branch-face '((t :inherit font-lock-type-face))
  "Face for branch keys: medical-care, old-age, survivors …")
(defface pacta-party-face '((t :inherit font-lock-constant-face))
  "Face for Party codes such as XA or NL.")
(defface pacta-variable-face '((t :inherit font-lock-variable-name-face))
  "Face for party variables X, Y, Z.")
(defface pacta-number-face '((t :inherit font-lock-constant-face))
  "Face for Part numerals, chapter and article numbers, integers and percentages.")
(defface pacta-label-face '((t :inherit font-lock-constant-face :slant italic))
  "Face for rule and paragraph labels such as 7.1 or 7(1).")
(defface pacta-duration-face '((t :inherit font-lock-constant-face))
  "Face for durations such as 24 months.")
(defface pacta-date-face '((t :inherit font-lock-constant-face))
  "Face for ISO dates such as 2026-05-01.")
(defface pacta-instrument-face '((t :inherit font-lock-builtin-face :weight bold))
  "Face for ILO instruments such as C102, C157 or R167.")
(defface pacta-tag-face '((t :inherit font-lock-function-name-face :slant italic))
  "Face for article tags such as #posting.")
(defface pacta-field-face '((t :inherit font-lock-variable-name-face))
  "Face for field names such as branches: or competent-authority:.")
(defface pacta-value-face '((t))
  "Face for plain kebab-case values in lists; plain by default.")
(defface pacta-punctuation-face '((t))
  "Face for punctuation: braces, commas, colons and the arrow; plain by default.")

;;;; Keywords (mirror grammar/pacta.pest)

(defconst pacta-structure-keywords
  '("agreement" "party" "part" "chapter" "article" "paragraph" "rule" "scenario")
  "Keywords that open the structure of an agreement.")

(defconst pacta-declaration-keywords
  '("institution" "define" "scope" "benefit" "text" "residence-based")
  "Keywords of the provisions that are not blocks or lines.")

(defconst pacta-block-keywords
  '("equal-treatment" "export" "aggregation" "calculation" "minimum-period" "overlapping"
    "administration" "transitional" "termination" "exceptions" "voluntary-insurance"
    "residence-fiction")
  "Block provisions; keywords only when a `{' follows.")

(defconst pacta-line-keywords
  '("personal-scope" "regardless-of" "excluded-categories" "excluded" "duration"
    "entry-into-force" "signature" "see")
  "Line provisions; keywords only when a `:' follows.")

(defconst pacta-suppression-keywords '("allow")
  "The keyword of a suppression.")

(defconst pacta-scenario-keywords '("situation" "expect")
  "The keywords inside a scenario.")

(defconst pacta-outcome-keywords '("gap" "overlap")
  "Expected outcomes other than a Party.")

(defconst pacta-clause-keywords
  '("overrides" "limit" "extension" "repost-gap" "no-replacement" "where" "first" "branches"
    "begun" "per-activity" "person-level")
  "Clauses after a rule.")

(defconst pacta-condition-keywords
  '("self-employed" "employed" "mixed" "several" "works" "employer" "resides" "elsewhere" "away"
    "posted" "not" "usually" "seafarer" "aircrew" "transport-crew" "civil-servant"
    "mission-staff" "locally-engaged" "non-active" "accompanying" "national" "granted" "since")
  "Words of the conditions of a rule or a situation.")

(defconst pacta-connective-keywords '("in" "and" "of" "under" "flag" "is" "by" "before" "from" "until")
  "Connectives in conditions, clauses and expectations.")

(defconst pacta-units
  '("days" "day" "weeks" "week" "months" "month" "quarters" "quarter" "years" "year")
  "Units of time in durations.")

(defconst pacta-branches
  '("medical-care" "sickness" "maternity" "invalidity" "old-age" "survivors"
    "employment-injury" "unemployment" "family" "death-grant" "long-term-care" "all")
  "Branch keys: the nine C102 branches, death grants, long-term care and `all'.")

(defconst pacta--label-re
  "\\(?:[0-9]+[a-z]*\\(?:\\.[0-9]+\\|([A-Za-z0-9]+)\\)*\\|[IVXLCDM]+\\(?:\\.[0-9]+\\|([A-Za-z0-9]+)\\)+\\)[a-z]?"
  "A rule or paragraph label such as 7.1, 7(1), 8.5a, 5bis.1 or IV.2.")

(defconst pacta--word-re "[a-z][a-z0-9_-]*"
  "A kebab-case word.")

(defun pacta--kw (words)
  "Return a regexp matching any of WORDS as a whole symbol."
  (regexp-opt words 'symbols))

(defconst pacta-font-lock-keywords
  `(;; Headings and their numbers.
    (,(concat "\\_<\\(part\\)[ \t]+\\([IVXLCDM]+\\)\\_>")
     (1 'pacta-structure-face) (2 'pacta-number-face))
    ("\\_<\\(chapter\\|article\\)[ \t]+\\([0-9]+[A-Za-z]*\\|[IVXLCDM]+\\)\\_>"
     (1 'pacta-structure-face) (2 'pacta-number-face))
    (,(concat "\\_<\\(rule\\|paragraph\\)[ \t]+\\(" pacta--label-re "\\)")
     (1 'pacta-structure-face) (2 'pacta-label-face))
    (,(concat "\\_<\\(allow\\)[ \t]+\\(P[0-9][0-9][0-9]\\_>\\|" pacta--word-re "\\)")
     (1 'pacta-suppression-face) (2 'pacta-check-code-face))
    ;; Tags before keywords: `#export' is a tag, not the `export' block.
    (,(concat "#" pacta--word-re) . 'pacta-tag-face)
    ;; Block provisions before `{', line provisions before `:'.
    (,(concat "\\(" (pacta--kw pacta-block-keywords) "\\)[ \t\n]*{") 1 'pacta-provision-face)
    (,(concat "\\(" (pacta--kw (append pacta-line-keywords '("residence-based"))) "\\)[ \t]*:")
     1 'pacta-provision-face)
    (,(concat "\\(" (pacta--kw pacta-scenario-keywords) "\\)[ \t]*:") 1 'pacta-scenario-face)
    ;; Field names.
    (,(concat "\\_<\\(" pacta--word-re "\\)\\_>[ \t]*:") 1 'pacta-field-face)
    ;; Other keywords.
    (,(pacta--kw pacta-structure-keywords) . 'pacta-structure-face)
    (,(pacta--kw pacta-declaration-keywords) . 'pacta-provision-face)
    (,(pacta--kw pacta-suppression-keywords) . 'pacta-suppression-face)
    (,(pacta--kw pacta-clause-keywords) . 'pacta-clause-face)
    (,(pacta--kw pacta-condition-keywords) . 'pacta-condition-face)
    (,(pacta--kw pacta-connective-keywords) . 'pacta-connective-face)
    (,(pacta--kw pacta-outcome-keywords) . 'pacta-outcome-face)
    (,(pacta--kw pacta-branches) . 'pacta-branch-face)
    ;; Literals.
    ("\\_<[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\\_>" . 'pacta-date-face)
    (,(concat "\\_<[0-9]+[ \t]+" (pacta--kw pacta-units)) . 'pacta-duration-face)
    ("\\_<[0-9]+%" . 'pacta-number-face)
    ("\\_<[IVXLCDM]+\\(?:\\.[0-9]+\\|([A-Za-z0-9]+)\\)+[a-z]?" . 'pacta-label-face)
    ("\\_<[0-9]+[a-z]+\\(?:\\.[0-9]+\\|([A-Za-z0-9]+)\\)*\\_>" . 'pacta-label-face)
    ("\\_<[0-9]+\\(?:\\.[0-9]+\\|([A-Za-z0-9]+)\\)+[a-z]?" . 'pacta-label-face)
    ("\\_<[0-9]+\\_>" . 'pacta-number-face)
    ;; Codes.
    ("\\_<[CR][0-9][0-9][0-9]?\\_>" . 'pacta-instrument-face)
    ("\\_<P[0-9][0-9][0-9]\\_>" . 'pacta-check-code-face)
    ("\\_<[A-Z]\\_>" . 'pacta-variable-face)
    ("\\_<[A-Z][A-Z0-9-]+\\_>" . 'pacta-party-face)
    ;; Everything else.
    (,(concat "\\_<" pacta--word-re "\\_>") . 'pacta-value-face)
    ("->\\|[{},:]" . 'pacta-punctuation-face))
  "Font-lock keywords for `pacta-mode'.")

;;;; Syntax

(defvar pacta-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; `//' comments to the end of the line.
    (modify-syntax-entry ?/ ". 12" table)
    (modify-syntax-entry ?\n ">" table)
    ;; Strings with backslash escapes.
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    ;; Kebab-case words are symbols.
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?# "'" table)
    (modify-syntax-entry ?% "." table)
    (modify-syntax-entry ?: "." table)
    (modify-syntax-entry ?, "." table)
    (modify-syntax-entry ?. "." table)
    (modify-syntax-entry ?> "." table)
    (modify-syntax-entry ?{ "(}" table)
    (modify-syntax-entry ?} "){" table)
    (modify-syntax-entry ?\( "()" table)
    (modify-syntax-entry ?\) ")(" table)
    table)
  "Syntax table for `pacta-mode'.")

(defun pacta--propertize-triple-quote ()
  "Make the triple quote just matched open or close a prose block.
The first quote of an opening triple quote and the last quote of a
closing one become generic string fences, so that quotes inside the
prose do not end it."
  (let* ((start (match-beginning 0))
         (ppss (save-excursion (syntax-ppss start))))
    (cond
     ((eq (nth 3 ppss) t)               ; inside prose: this closes it
      (put-text-property (1- (match-end 0)) (match-end 0)
                         'syntax-table (string-to-syntax "|")))
     ((or (nth 3 ppss) (nth 4 ppss)))   ; inside a string or a comment: nothing
     (t
      (put-text-property start (1+ start) 'syntax-table (string-to-syntax "|"))
      (put-text-property (1+ start) (match-end 0) 'syntax-table (string-to-syntax "."))))))

(defun pacta-syntax-propertize (start end)
  "Mark the `\"\"\"' prose delimiters between START and END."
  (goto-char start)
  (funcall (syntax-propertize-rules
            ("\"\"\"" (0 (ignore (pacta--propertize-triple-quote)))))
           start end))

(defun pacta--syntactic-face (state)
  "Face for the string or comment described by the `syntax-ppss' STATE."
  (cond ((eq (nth 3 state) t) 'font-lock-doc-face)
        ((nth 3 state) 'font-lock-string-face)
        (t 'font-lock-comment-face)))

;;;; Indentation

(defconst pacta--clause-line-re
  (concat "[ \t]*" (pacta--kw (remove "where" pacta-clause-keywords)) "\\|[ \t]*where[ \t]+[A-Z]\\_>")
  "A line that continues the rule above it with a clause.")

(defun pacta--indent-for-line ()
  "The column the current line should be indented to."
  (save-excursion
    (back-to-indentation)
    (let* ((ppss (syntax-ppss))
           (depth (car ppss)))
      (cond
       ((eq (nth 3 ppss) t) nil)        ; inside prose: leave as written
       (t
        (when (looking-at-p "}") (setq depth (1- depth)))
        (+ (* (max depth 0) pacta-indent-offset)
           (if (and (looking-at-p pacta--clause-line-re)
                    (save-excursion
                      (forward-line -1)
                      (while (and (not (bobp)) (looking-at-p "[ \t]*\\(//.*\\)?$"))
                        (forward-line -1))
                      (back-to-indentation)
                      (or (looking-at-p "rule\\_>") (looking-at-p pacta--clause-line-re))))
               pacta-indent-offset
             0)))))))

(defun pacta-indent-line ()
  "Indent the current line of a Pacta file by its brace depth."
  (interactive)
  (let ((column (pacta--indent-for-line))
        (offset (- (current-column) (current-indentation))))
    (when column
      (indent-line-to column)
      (when (> offset 0) (forward-char offset)))))

;;;; Imenu

(defconst pacta--imenu-re
  (concat "^[ \t]*\\(part\\|chapter\\|article\\|party\\|scenario\\)[ \t]+"
          "\\(\\(?:[IVXLCDM]+\\|[0-9]+\\|[A-Z]+\\)\\_>\\)?[ \t]*\\(?:\"\\([^\"\n]*\\)\"\\)?")
  "A heading line for imenu.")

(defun pacta-imenu-create-index ()
  "Index of the Parts, chapters, Articles, Parties and scenarios of the buffer."
  (let ((groups '(("part" . "Parts") ("chapter" . "Chapters") ("article" . "Articles")
                  ("party" . "Parties") ("scenario" . "Scenarios")))
        index)
    (save-excursion
      (goto-char (point-min))
      (while (re-search-forward pacta--imenu-re nil t)
        (let ((kind (match-string-no-properties 1))
              (number (match-string-no-properties 2))
              (title (match-string-no-properties 3))
              (pos (match-beginning 1)))
          (unless (nth 8 (save-excursion (syntax-ppss pos)))
            (let* ((name (string-join
                          (delq nil (list (capitalize kind) number title)) " "))
                   (group (cdr (assoc kind groups)))
                   (cell (assoc group index)))
              (if cell
                  (setcdr cell (cons (cons name pos) (cdr cell)))
                (push (list group (cons name pos)) index)))))))
    (mapcar (lambda (g) (cons (car g) (nreverse (cdr g))))
            (delq nil (mapcar (lambda (g) (assoc (cdr g) index)) groups)))))

;;;; Mode

;;;###autoload
(define-derived-mode pacta-mode prog-mode "Pacta"
  "Major mode for Pacta social security agreements.

\\{pacta-mode-map}"
  :syntax-table pacta-mode-syntax-table
  :group 'pacta
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "//+[ \t]*")
  (setq-local syntax-propertize-function #'pacta-syntax-propertize)
  (setq-local font-lock-defaults
              '(pacta-font-lock-keywords nil nil nil nil
                (font-lock-syntactic-face-function . pacta--syntactic-face)))
  (setq-local indent-line-function #'pacta-indent-line)
  (setq-local electric-indent-chars (cons ?} electric-indent-chars))
  (setq-local imenu-create-index-function #'pacta-imenu-create-index)
  (setq-local outline-regexp "[ \t]*\\(part\\|chapter\\|article\\|scenario\\)\\_>"))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.pacta\\'" . pacta-mode))

(provide 'pacta-mode)

;;; pacta-mode.el ends here
