;;; pacta-mode-test.el --- ERT tests for pacta-mode -*- lexical-binding: t; -*-

;; Run from the repository root:
;;   emacs -Q --batch -L editors/emacs -l editors/emacs/test/pacta-mode-test.el \
;;         -f ert-run-tests-batch-and-exit

;;; Code:

(require 'ert)
(require 'imenu)
(require 'pacta-mode)

(defconst pacta-test--dir
  (file-name-directory (or load-file-name buffer-file-name)))

(defconst pacta-test--root
  (expand-file-name "../../.." pacta-test--dir))

(defconst pacta-test--sample
  "// Sample agreement
agreement \"Arcadia \\\"draft\\\"\" {
  date: 2026-05-01
  conforms-to: C118, C157, R167
  allow P303 \"left open\"
}

party XA \"Republic of Arcadia\" {
  schemes: medical-care, old-age, long-term-care
  institution \"Pension Fund\": invalidity
}

part II \"Applicable legislation\" {
  chapter 1 \"General\" {
    article 7 \"Detached workers\" #posting {
      personal-scope: insured-persons
      excluded: calculation
      rule 7.1: employed in Y, employer in X, posted -> X
        overrides 6.1, 7(1)
        limit 24 months
        extension 24 months by competent-authorities
        repost-gap 12 months
        no-replacement
      rule 9.1: seafarer under flag X -> X
        where X is \"the flag State\"
      aggregation {
        purposes: acquisition, calculation
        share: 25%
      }
      benefit medical-care {
        export-period: 3 months
      }
      allow posting-without-limit \"accepted\"
      text \"\"\"
        Prose with \"quotes\", article 9 and rule 7.1.
      \"\"\"
    }
  }
}

scenario \"posted\" {
  situation: employed in XB, employer in XA, posted 18 months
  expect: XA by 7.1
}
scenario \"abroad\" {
  expect: gap
}
"
  "A sample with one of everything.")

(defmacro pacta-test--with-sample (&rest body)
  "Run BODY in a fontified `pacta-mode' buffer holding the sample."
  (declare (indent 0))
  `(with-temp-buffer
     (insert pacta-test--sample)
     (pacta-mode)
     (font-lock-ensure)
     (goto-char (point-min))
     ,@body))

(defun pacta-test--faces-at (pos)
  "The faces at POS, as a list."
  (let ((face (get-text-property pos 'face)))
    (if (listp face) face (list face))))

(defun pacta-test--face (needle face &optional skip)
  "Assert that the text after NEEDLE's `|' has FACE.
NEEDLE is a literal string in which `|' marks the position to check;
SKIP says how many earlier matches to pass over."
  (let* ((bar (string-match "|" needle))
         (text (replace-regexp-in-string "|" "" needle t t)))
    (goto-char (point-min))
    (dotimes (_ (1+ (or skip 0)))
      (unless (search-forward text nil t)
        (ert-fail (format "not found in sample: %S" text))))
    (let* ((pos (+ (match-beginning 0) bar))
           (faces (pacta-test--faces-at pos)))
      (unless (memq face faces)
        (ert-fail (format "%S at line %d: expected %s, got %S"
                          needle (line-number-at-pos pos) face faces))))))

(ert-deftest pacta-mode-auto-mode ()
  (should (eq (assoc-default "agreement.pacta" auto-mode-alist #'string-match) 'pacta-mode)))

(ert-deftest pacta-mode-derives-from-prog-mode ()
  (with-temp-buffer
    (pacta-mode)
    (should (derived-mode-p 'prog-mode))))

(ert-deftest pacta-mode-comments ()
  (pacta-test--with-sample
    (should (equal comment-start "// "))
    (search-forward "Sample")
    (should (nth 4 (syntax-ppss)))
    (pacta-test--face "// |Sample" 'font-lock-comment-face)
    ;; comment-region uses `//'.
    (let ((start (progn (goto-char (point-min)) (search-forward "date:") (line-beginning-position))))
      (comment-region start (line-end-position))
      (goto-char start)
      (should (looking-at-p "[ \t]*// date:")))))

(ert-deftest pacta-mode-strings-and-prose ()
  (pacta-test--with-sample
    (pacta-test--face "\"|Arcadia" 'font-lock-string-face)
    (pacta-test--face "\"Arcadia \\\"dr|aft" 'font-lock-string-face)
    ;; Quotes inside prose do not end it; the words after them are still prose.
    (pacta-test--face "Prose with \"quotes\", art|icle 9" 'font-lock-doc-face)
    (pacta-test--face "and |rule 7.1." 'font-lock-doc-face)
    (goto-char (point-min))
    (search-forward "quotes\", article")
    (should (eq (nth 3 (syntax-ppss)) t))
    ;; After the closing triple quote the code is code again.
    (pacta-test--face "|scenario \"posted\"" 'pacta-structure-face)
    (goto-char (point-min))
    (search-forward "scenario \"posted\" {")
    (should-not (nth 3 (syntax-ppss)))))

(ert-deftest pacta-mode-keywords ()
  (pacta-test--with-sample
    (pacta-test--face "|agreement \"Arcadia" 'pacta-structure-face)
    (pacta-test--face "|party XA" 'pacta-structure-face)
    (pacta-test--face "party |XA" 'pacta-party-face)
    (pacta-test--face "|part II" 'pacta-structure-face)
    (pacta-test--face "part |II" 'pacta-number-face)
    (pacta-test--face "|chapter 1" 'pacta-structure-face)
    (pacta-test--face "chapter |1" 'pacta-number-face)
    (pacta-test--face "|article 7" 'pacta-structure-face)
    (pacta-test--face "article |7" 'pacta-number-face)
    (pacta-test--face "|#posting" 'pacta-tag-face)
    (pacta-test--face "|institution" 'pacta-provision-face)
    (pacta-test--face "|personal-scope" 'pacta-provision-face)
    (pacta-test--face "|excluded: calculation" 'pacta-provision-face)
    (pacta-test--face "excluded: |calculation" 'pacta-value-face)
    (pacta-test--face "|aggregation {" 'pacta-provision-face)
    (pacta-test--face "acquisition, |calculation" 'pacta-value-face)
    (pacta-test--face "|purposes:" 'pacta-field-face)
    (pacta-test--face "|export-period:" 'pacta-field-face)
    (pacta-test--face "|benefit medical-care" 'pacta-provision-face)
    (pacta-test--face "benefit |medical-care" 'pacta-branch-face)
    (pacta-test--face "|text \"\"\"" 'pacta-provision-face)
    (pacta-test--face "|allow P303" 'pacta-suppression-face)
    (pacta-test--face "allow |P303" 'pacta-check-code-face)
    (pacta-test--face "allow |posting-without-limit" 'pacta-check-code-face)
    (pacta-test--face "|situation:" 'pacta-scenario-face)
    (pacta-test--face "|expect: XA" 'pacta-scenario-face)
    (pacta-test--face "expect: |gap" 'pacta-outcome-face)))

(ert-deftest pacta-mode-rules ()
  (pacta-test--with-sample
    (pacta-test--face "|rule 7.1" 'pacta-structure-face)
    (pacta-test--face "rule |7.1" 'pacta-label-face)
    (pacta-test--face "7.1: |employed" 'pacta-condition-face)
    (pacta-test--face "employed |in Y" 'pacta-connective-face)
    (pacta-test--face "employed in |Y" 'pacta-variable-face)
    (pacta-test--face "|employer in X" 'pacta-condition-face)
    (pacta-test--face "|posted -> X" 'pacta-condition-face)
    (pacta-test--face "|overrides" 'pacta-clause-face)
    (pacta-test--face "overrides |6.1" 'pacta-label-face)
    (pacta-test--face "|7(1)" 'pacta-label-face)
    (pacta-test--face "|limit 24" 'pacta-clause-face)
    (pacta-test--face "limit |24 months" 'pacta-duration-face)
    (pacta-test--face "limit 24 |months" 'pacta-duration-face)
    (pacta-test--face "|extension" 'pacta-clause-face)
    (pacta-test--face "months |by" 'pacta-connective-face)
    (pacta-test--face "|repost-gap" 'pacta-clause-face)
    (pacta-test--face "|no-replacement" 'pacta-clause-face)
    (pacta-test--face "|seafarer" 'pacta-condition-face)
    (pacta-test--face "|under flag" 'pacta-connective-face)
    (pacta-test--face "|where X" 'pacta-clause-face)
    (pacta-test--face "X |is" 'pacta-connective-face)
    (pacta-test--face "in |XB" 'pacta-party-face)
    (pacta-test--face "posted |18 months" 'pacta-duration-face)
    (pacta-test--face "XA by |7.1" 'pacta-label-face)))

(ert-deftest pacta-mode-literals ()
  (pacta-test--with-sample
    (pacta-test--face "|2026-05-01" 'pacta-date-face)
    (pacta-test--face "|C118" 'pacta-instrument-face)
    (pacta-test--face "|R167" 'pacta-instrument-face)
    (pacta-test--face "|medical-care, old-age" 'pacta-branch-face)
    (pacta-test--face "|long-term-care" 'pacta-branch-face)
    (pacta-test--face "|25%" 'pacta-number-face)))

(ert-deftest pacta-mode-imenu ()
  (pacta-test--with-sample
    (let* ((index (funcall imenu-create-index-function))
           (parts (mapcar #'car (cdr (assoc "Parts" index))))
           (articles (mapcar #'car (cdr (assoc "Articles" index))))
           (chapters (mapcar #'car (cdr (assoc "Chapters" index))))
           (scenarios (mapcar #'car (cdr (assoc "Scenarios" index)))))
      (should (equal parts '("Part II Applicable legislation")))
      (should (equal chapters '("Chapter 1 General")))
      ;; `article 9' inside the prose is not an Article.
      (should (equal articles '("Article 7 Detached workers")))
      (should (equal scenarios '("Scenario posted" "Scenario abroad")))
      (should (equal (mapcar #'car (cdr (assoc "Parties" index)))
                     '("Party XA Republic of Arcadia"))))))

(ert-deftest pacta-mode-indentation ()
  (with-temp-buffer
    (insert "part I {\narticle 7 {\nrule 7.1: employed in Y, employer in X, posted -> X\n"
            "overrides 6.1\nlimit 24 months\naggregation {\nbranches: old-age\n}\n}\n}\n")
    (pacta-mode)
    (indent-region (point-min) (point-max))
    (should (equal (buffer-string)
                   (concat "part I {\n  article 7 {\n"
                           "    rule 7.1: employed in Y, employer in X, posted -> X\n"
                           "      overrides 6.1\n      limit 24 months\n"
                           "    aggregation {\n      branches: old-age\n    }\n  }\n}\n")))))

(defun pacta-test--keyword-regexp ()
  "Every keyword of the language, as a symbol regexp."
  (regexp-opt (append pacta-structure-keywords pacta-declaration-keywords
                      pacta-suppression-keywords pacta-scenario-keywords
                      pacta-outcome-keywords pacta-clause-keywords pacta-condition-keywords
                      pacta-connective-keywords pacta-branches)
              'symbols))

(ert-deftest pacta-mode-agreements ()
  "Every agreement: each visible character outside strings and comments has a face, and no
keyword is shown as a plain value (block keywords not before `{' and line keywords not
before `:' are values, as in the grammar)."
  (let ((files (directory-files-recursively (expand-file-name "agreements" pacta-test--root) "\\.pacta\\'"))
        (problems nil)
        (kw (pacta-test--keyword-regexp))
        (block (regexp-opt pacta-block-keywords 'symbols))
        (line (regexp-opt pacta-line-keywords 'symbols)))
    (should files)
    (dolist (file files)
      (with-temp-buffer
        (insert-file-contents file)
        (pacta-mode)
        (font-lock-ensure)
        (goto-char (point-min))
        (while (re-search-forward "[^ \t\n]" nil t)
          (let ((pos (match-beginning 0)))
            (unless (get-text-property pos 'face)
              (push (format "%s:%d: %S has no face" (file-name-nondirectory file)
                            (line-number-at-pos pos)
                            (buffer-substring pos (min (point-max) (+ pos 12))))
                    problems))))
        (dolist (re (list kw block line))
          (goto-char (point-min))
          (while (re-search-forward re nil t)
            (let ((pos (match-beginning 0)))
              (when (and (not (nth 8 (save-excursion (syntax-ppss pos))))
                         (memq 'pacta-value-face (pacta-test--faces-at pos))
                         (not (and (eq re block) (not (looking-at-p "[ \t\n]*{"))))
                         (not (and (eq re line) (not (looking-at-p "[ \t]*:")))))
                (push (format "%s:%d: keyword %s shown as a value" (file-name-nondirectory file)
                              (line-number-at-pos pos) (match-string 0))
                      problems)))))))
    (when problems
      (ert-fail (mapconcat #'identity (nreverse problems) "\n")))))

;;; pacta-mode-test.el ends here
