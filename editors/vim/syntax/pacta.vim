" Vim syntax file
" Language:   Pacta (social security agreements)
" Filenames:  *.pacta
" Keywords mirror grammar/pacta.pest; tests/it/editor_keywords.rs checks that none is missing.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
" Keywords are kebab-case: `repost-gap` is one keyword, `export-period` is not `export`.
syn iskeyword @,48-57,_,-

" ── structure ──
syn keyword pactaStructure agreement party scenario
syn keyword pactaStructure part nextgroup=pactaRoman skipwhite
syn keyword pactaStructure chapter nextgroup=pactaNumber skipwhite
syn keyword pactaStructure article nextgroup=pactaArticleNumber skipwhite
syn keyword pactaStructure paragraph rule nextgroup=pactaLabel skipwhite

" ── provisions ──
syn keyword pactaProvision institution define scope benefit text residence-based

" ── suppressions and scenarios ──
syn keyword pactaSuppression allow nextgroup=pactaCheckCode,pactaCheckName skipwhite
syn keyword pactaScenario situation expect
syn keyword pactaOutcome gap overlap

" ── rule clauses ──
syn keyword pactaClause overrides limit extension repost-gap no-replacement where
syn keyword pactaClause first begun per-activity person-level
syn match pactaClause /\<branches\>\ze\s\+[a-z]/

" ── conditions ──
syn keyword pactaCondition self-employed employed mixed several works employer resides elsewhere
syn keyword pactaCondition away posted not usually seafarer aircrew transport-crew civil-servant
syn keyword pactaCondition mission-staff locally-engaged non-active
syn keyword pactaCondition accompanying national granted since
syn keyword pactaConnective in and of under flag is by before from until

" ── branches ──
syn keyword pactaBranch medical-care sickness maternity invalidity old-age survivors
syn keyword pactaBranch employment-injury unemployment family death-grant long-term-care all

" ── words: field names and values (keywords above win over these) ──
syn match pactaValue /\<[a-z][a-z0-9_-]*/
syn match pactaField /\<[a-z][a-z0-9_-]*\ze\s*:/
" Block provisions are keywords only before `{` and line provisions only before `:`, as in the
" pest grammar, so that `calculation` or `excluded` can still be values in a list.
syn match pactaProvision /\<\%(equal-treatment\|export\|aggregation\|calculation\|minimum-period\|overlapping\|administration\|transitional\|termination\|exceptions\|voluntary-insurance\|residence-fiction\)\ze\_s*{/
syn match pactaProvision /\<\%(personal-scope\|regardless-of\|excluded-categories\|excluded\|duration\|entry-into-force\|signature\|see\)\ze\s*:/
syn match pactaCheckName /[a-z][a-z0-9_-]*/ contained

" ── codes ──
syn match pactaCode /\<[A-Z][A-Z0-9-]*\>/
syn match pactaParty /\<[A-Z]\{2,}\>/
syn match pactaVariable /\<[A-Z]\>/
syn match pactaInstrument /\<[CR]\d\{2,3}\>/
syn match pactaCheckCode /\<P\d\{3}\>/
syn match pactaRoman /[IVXLCDM]\+\>/ contained
" An article number as signed: 7, 5bis, 5a, 1er, IV.
syn match pactaArticleNumber /\%(\d\+\a*\|[IVXLCDM]\+\)\>/ contained

" ── numbers, labels, durations, dates ──
syn match pactaNumber /\<\d\+\>/
syn match pactaPercent /\<\d\+%/
syn match pactaLabel /\<\d\+\%(\.\d\+\|([A-Za-z0-9]\+)\)\+\l\=[A-Za-z0-9_.-]\@!/
syn match pactaLabel /\%(\d\+\l*\|[IVXLCDM]\+[.(]\@=\)\%(\.\d\+\|([A-Za-z0-9]\+)\)*\l\=/ contained
" Labels as signed: a Roman article number (`VI.1a`) or a number with letters (`6a`, `5bis.1`).
syn match pactaLabel /\<[IVXLCDM]\+\%(\.\d\+\|([A-Za-z0-9]\+)\)\+\l\=[A-Za-z0-9_.-]\@!/
syn match pactaLabel /\<\d\+\l\+\%(\.\d\+\|([A-Za-z0-9]\+)\)*\l\=[A-Za-z0-9_.-]\@!/
syn keyword pactaUnit contained days day weeks week months month quarters quarter years year
syn match pactaDuration /\<\d\+[ \t]\+\%(days\|day\|weeks\|week\|months\|month\|quarters\|quarter\|years\|year\)\>/ contains=pactaUnit
syn match pactaDate /\<\d\{4}-\d\d-\d\d\>/
syn match pactaTag /#[a-z][a-z0-9_-]*/

" ── punctuation ──
syn match pactaArrow /->/
syn match pactaDelimiter /[,:]/

" ── strings, prose and comments (defined last: they win over everything above) ──
syn match pactaEscape /\\./ contained
syn region pactaString start=/"/ skip=/\\./ end=/"/ oneline contains=pactaEscape,@Spell
syn region pactaProse start=/"""/ end=/"""/ contains=@Spell
syn keyword pactaTodo contained TODO FIXME XXX NOTE
syn match pactaComment "//.*$" contains=pactaTodo,@Spell

" ── folding ──
" Braces nest; only the braces of the header, Parties, Parts, chapters, Articles, paragraphs and
" scenarios fold, so that an Article folds as a whole and its blocks stay visible when open.
syn region pactaBraces matchgroup=pactaBrace start=/{/ end=/}/ transparent
syn region pactaFold matchgroup=pactaBrace
      \ start=/\%(\<\%(agreement\|party\|part\|chapter\|article\|paragraph\|scenario\)\>[^{]*\)\@<={/
      \ end=/}/ transparent fold

syn sync fromstart

hi def link pactaStructure   Structure
hi def link pactaProvision   Statement
hi def link pactaSuppression PreProc
hi def link pactaScenario    Statement
hi def link pactaOutcome     Boolean
hi def link pactaClause      Keyword
hi def link pactaCondition   Operator
hi def link pactaConnective  Operator
hi def link pactaBranch      Type
hi def link pactaField       Identifier
hi def link pactaCheckName   Special
hi def link pactaCheckCode   Special
hi def link pactaCode        Constant
hi def link pactaParty       Constant
hi def link pactaVariable    Identifier
hi def link pactaInstrument  Special
hi def link pactaRoman       Number
hi def link pactaNumber      Number
hi def link pactaPercent     Number
hi def link pactaLabel       Label
hi def link pactaArticleNumber Number
hi def link pactaUnit        Type
hi def link pactaDuration    Number
hi def link pactaDate        Constant
hi def link pactaTag         Tag
hi def link pactaArrow       Operator
hi def link pactaDelimiter   Delimiter
hi def link pactaBrace       Delimiter
hi def link pactaEscape      SpecialChar
hi def link pactaString      String
hi def link pactaProse       String
hi def link pactaTodo        Todo
hi def link pactaComment     Comment

let b:current_syntax = 'pacta'

let &cpo = s:cpo_save
unlet s:cpo_save
