" Headless test of the Pacta Vim support. Run from anywhere:
"   vim -Nu NONE -i NONE -es -S editors/vim/test/run.vim
" It checks syntax groups at chosen places of sample.pacta, the ftplugin settings and folding,
" then that every visible character of every agreements/**/*.pacta gets a syntax group.
" Failures are reported on stderr and make Vim exit non-zero.

let s:here = expand('<sfile>:p:h')
let s:root = fnamemodify(s:here, ':h:h:h')
let s:failures = []

execute 'set runtimepath^=' . fnameescape(fnamemodify(s:here, ':h'))
filetype plugin on
syntax on

function! s:Fail(msg) abort
  call add(s:failures, a:msg)
endfunction

" Find `pattern` (its \zs marks the column) and check the syntax group there.
function! s:Expect(pattern, group) abort
  call cursor(1, 1)
  let [l, c] = searchpos(a:pattern, 'cW')
  if l == 0
    call s:Fail('pattern not found in sample: ' . a:pattern)
    return
  endif
  let name = synIDattr(synID(l, c, 1), 'name')
  if name !=# a:group
    call s:Fail(printf('sample.pacta:%d:%d (%s): expected %s, got %s',
          \ l, c, a:pattern, a:group, name ==# '' ? 'nothing' : name))
  endif
endfunction

execute 'edit ' . fnameescape(s:here . '/sample.pacta')

if &filetype !=# 'pacta'
  call s:Fail('filetype is "' . &filetype . '", expected "pacta"')
endif
if &commentstring !=# '// %s'
  call s:Fail('commentstring is "' . &commentstring . '", expected "// %s"')
endif
if &foldmethod !=# 'syntax'
  call s:Fail('foldmethod is "' . &foldmethod . '", expected "syntax"')
endif

let s:expectations = [
      \ ['^// Sample', 'pactaComment'],
      \ ['TODO', 'pactaTodo'],
      \ ['^\zsagreement', 'pactaStructure'],
      \ ['Arcadia–Borduria', 'pactaString'],
      \ ['\\"draft', 'pactaEscape'],
      \ ['\zsdate:', 'pactaField'],
      \ ['date\zs:', 'pactaDelimiter'],
      \ ['2026-05-01', 'pactaDate'],
      \ ['C102', 'pactaInstrument'],
      \ ['R167', 'pactaInstrument'],
      \ ['\zsallow P303', 'pactaSuppression'],
      \ ['P303', 'pactaCheckCode'],
      \ ['posting-without-limit', 'pactaCheckName'],
      \ ['^\zsparty', 'pactaStructure'],
      \ ['party \zsXA', 'pactaParty'],
      \ ['medical-care', 'pactaBranch'],
      \ ['long-term-care', 'pactaBranch'],
      \ ['\zsinstitution', 'pactaProvision'],
      \ ['part \zsII', 'pactaRoman'],
      \ ['^\zspart', 'pactaStructure'],
      \ ['\zschapter 1', 'pactaStructure'],
      \ ['chapter \zs1', 'pactaNumber'],
      \ ['\zsarticle 7', 'pactaStructure'],
      \ ['#posting', 'pactaTag'],
      \ ['\zspersonal-scope', 'pactaProvision'],
      \ ['insured-persons', 'pactaValue'],
      \ ['\zsscope XA', 'pactaProvision'],
      \ ['residence-based', 'pactaProvision'],
      \ ['\zsrule 7.1', 'pactaStructure'],
      \ ['rule \zs7.1', 'pactaLabel'],
      \ ['7.1: \zsemployed', 'pactaCondition'],
      \ ['employed \zsin Y', 'pactaConnective'],
      \ ['employed in \zsY', 'pactaVariable'],
      \ ['\zsemployer in X', 'pactaCondition'],
      \ ['\zsposted ->', 'pactaCondition'],
      \ ['\zs->', 'pactaArrow'],
      \ ['\zsoverrides', 'pactaClause'],
      \ ['overrides \zs6.1', 'pactaLabel'],
      \ ['7(1)', 'pactaLabel'],
      \ ['\zslimit 24', 'pactaClause'],
      \ ['limit \zs24 months', 'pactaDuration'],
      \ ['limit 24 \zsmonths', 'pactaUnit'],
      \ ['\zsextension', 'pactaClause'],
      \ ['by \zscompetent-authorities', 'pactaValue'],
      \ ['\zsrepost-gap', 'pactaClause'],
      \ ['\zsno-replacement', 'pactaClause'],
      \ ['\zsself-employed', 'pactaCondition'],
      \ ['\zsresides', 'pactaCondition'],
      \ ['\zselsewhere', 'pactaCondition'],
      \ ['\zswhere X', 'pactaClause'],
      \ ['where \zsX', 'pactaVariable'],
      \ ['X \zsis', 'pactaConnective'],
      \ ['\zsseafarer', 'pactaCondition'],
      \ ['\zsunder flag', 'pactaConnective'],
      \ ['\zsaggregation', 'pactaProvision'],
      \ ['\zsduration', 'pactaProvision'],
      \ ['excluded: \zsexcluded', 'pactaValue'],
      \ ['\zsbranches:', 'pactaField'],
      \ ['sickness, \zscalculation', 'pactaValue'],
      \ ['\zsexport-period', 'pactaField'],
      \ ['25%', 'pactaPercent'],
      \ ['^\s*\zstext', 'pactaProvision'],
      \ ['Prose about \zsarticle', 'pactaProse'],
      \ ['\zs"quotes"', 'pactaProse'],
      \ ['^\zsscenario', 'pactaStructure'],
      \ ['\zssituation:', 'pactaScenario'],
      \ ['in \zsXB', 'pactaParty'],
      \ ['posted \zs18 months', 'pactaDuration'],
      \ ['\zsexpect: XA', 'pactaScenario'],
      \ ['XA \zsby 7.1', 'pactaConnective'],
      \ ['by \zs7.1', 'pactaLabel'],
      \ ['expect: \zsgap', 'pactaOutcome'],
      \ ]
for [s:pattern, s:group] in s:expectations
  call s:Expect(s:pattern, s:group)
endfor

" Folding: Parts, chapters and Articles fold, blocks inside an Article do not.
function! s:ExpectFold(pattern, level) abort
  call cursor(1, 1)
  let l = search(a:pattern, 'cW')
  if l == 0
    call s:Fail('pattern not found in sample: ' . a:pattern)
  elseif foldlevel(l) != a:level
    call s:Fail(printf('sample.pacta:%d (%s): fold level %d, expected %d',
          \ l, a:pattern, foldlevel(l), a:level))
  endif
endfunction
call s:ExpectFold('date: 2026', 1)
call s:ExpectFold('chapter 1', 2)
call s:ExpectFold('article 7', 3)
call s:ExpectFold('personal-scope', 3)
call s:ExpectFold('branches: sickness', 3)
call s:ExpectFold('situation:', 1)

" The quoted kebab-case words of the pest grammar (comment lines left out), and those of the
" block_keyword and line_keyword rules.
function! s:Words(text) abort
  let found = {}
  let start = 0
  while 1
    let [word, from, to] = matchstrpos(a:text, '"\zs[a-z]\+\%(-[a-z]\+\)*\ze"', start)
    if from < 0
      return found
    endif
    let start = to + 1
    if strlen(word) >= 2
      let found[word] = 1
    endif
  endwhile
endfunction
let s:pest = join(filter(readfile(s:root . '/grammar/pacta.pest'), 'v:val !~# "^\\s*//"'), "\n")
let s:keywords = s:Words(s:pest)
let s:block_keywords = s:Words(matchstr(s:pest, '\nblock_keyword\s*=\s*@\={\zs\_.\{-}\n}'))
let s:line_keywords = s:Words(matchstr(s:pest, '\nline_keyword\s*=\s*@\={\zs\_.\{-}\n}'))
if len(s:keywords) < 60 || !has_key(s:block_keywords, 'aggregation') || !has_key(s:line_keywords, 'see')
  call s:Fail('could not read the keywords of grammar/pacta.pest')
endif

" Every agreement: every visible character outside white space has a syntax group, and no keyword
" of the pest grammar is shown as a plain value (except a block keyword that no `{` follows and a
" line keyword that no `:` follows: those are values, as in the grammar).
let s:files = glob(s:root . '/agreements/**/*.pacta', 0, 1)
if empty(s:files)
  call s:Fail('no agreements found in ' . s:root . '/agreements')
endif
for s:file in s:files
  execute 'edit ' . fnameescape(s:file)
  for s:l in range(1, line('$'))
    let s:text = getline(s:l)
    for s:c in range(1, strlen(s:text))
      if s:text[s:c - 1] !~# '\s' && synID(s:l, s:c, 1) == 0
        call s:Fail(printf('%s:%d:%d: %s has no syntax group', fnamemodify(s:file, ':.'),
              \ s:l, s:c, string(matchstr(s:text[s:c - 1 :], '^\S\+'))))
        break
      endif
    endfor
    let s:start = 0
    while 1
      let [s:word, s:from, s:to] = matchstrpos(s:text, '[A-Za-z0-9_-]\+', s:start)
      if s:from < 0
        break
      endif
      let s:start = s:to
      if has_key(s:keywords, s:word)
            \ && synIDattr(synID(s:l, s:from + 1, 1), 'name') ==# 'pactaValue'
        let s:rest = s:text[s:to :] . "\n" . join(getline(s:l + 1, s:l + 2), "\n")
        if !(has_key(s:block_keywords, s:word) && s:rest !~# '^\_s*{')
              \ && !(has_key(s:line_keywords, s:word) && s:rest !~# '^[ \t]*:')
          call s:Fail(printf('%s:%d:%d: keyword %s shown as a plain value',
                \ fnamemodify(s:file, ':.'), s:l, s:from + 1, s:word))
        endif
      endif
    endwhile
  endfor
endfor

" In silent Ex mode only :verbose messages are shown (on stderr). Writing to /dev/stdout with
" writefile() instead would truncate or overwrite a log file the output is redirected to.
function! s:Report(lines) abort
  for line in a:lines
    verbose echo line
  endfor
  verbose echo ''
endfunction

if empty(s:failures)
  call s:Report([printf('vim: %d syntax checks, %d agreements: ok',
        \ len(s:expectations) + 6, len(s:files))])
  qall!
else
  call s:Report(s:failures)
  cquit!
endif
