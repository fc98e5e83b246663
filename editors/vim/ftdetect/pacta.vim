" Pacta social security agreements
autocmd BufNewFile,BufRead *.pacta setfiletype pacta
