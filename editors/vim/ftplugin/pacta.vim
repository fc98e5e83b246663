" Vim filetype plugin for Pacta social security agreements.

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=//\ %s
setlocal comments=://
setlocal formatoptions-=t formatoptions+=croql
" Keywords and values are kebab-case: `repost-gap` is one word for `w`, `*` and completion.
setlocal iskeyword+=-
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal autoindent smartindent cinwords=
setlocal suffixesadd=.pacta

" Fold on the header, Parties, Parts, chapters, Articles, paragraphs and scenarios (see the
" pactaFold region in syntax/pacta.vim). Open files with Parts folded and Articles open.
setlocal foldmethod=syntax
setlocal foldlevel=1

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< iskeyword< expandtab<'
      \ . ' shiftwidth< softtabstop< autoindent< smartindent< cinwords< suffixesadd<'
      \ . ' foldmethod< foldlevel<'
