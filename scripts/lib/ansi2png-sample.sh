#!/usr/bin/env bash
# A screen that exercises scripts/ansi2png.py: attributes, 16/256/true colours, boxes (light,
# heavy, double, rounded), blocks, CJK, emoji. Run it in tmux, capture, render, look at the PNG.
printf '\e[1mBold\e[0m \e[1;2mboth\e[0m \e[9mstrike\e[0m \e[4:3mcurly\e[0m \e[38:2::255:0:255mcolon\e[0m \e[1m\e[0m \e[2mDim\e[0m \e[4mUnderline\e[0m \e[7mReverse\e[0m \e[3mItalic\e[0m normal\n'
for i in 0 1 2 3 4 5 6 7; do printf '\e[3%dm fg%d \e[0m' $i $i; done; echo
for i in 0 1 2 3 4 5 6 7; do printf '\e[9%dm fg%d \e[0m' $i $((i+8)); done; echo
for i in 0 1 2 3 4 5 6 7; do printf '\e[4%dm bg%d \e[0m' $i $i; done; echo
for i in 0 1 2 3 4 5 6 7; do printf '\e[10%dm bg%d \e[0m' $i $((i+8)); done; echo
for i in $(seq 16 51); do printf "$(tput setab $i)  "; done; tput sgr0; echo
for i in $(seq 232 255); do printf "$(tput setab $i)  "; done; tput sgr0; echo
for i in $(seq 0 4 255); do printf '\e[48;2;%d;%d;%dm ' $i $((255-i)) 128; done; printf '\e[0m\n'
printf '\e[38;2;255;128;0mtruecolor orange\e[0m \e[1;31mbold red\e[0m \e[1;38;5;208mbold 208\e[0m\n'
echo '┌──────┬──────┐'
echo '│日本語│ abc  │'
echo '├──────┼──────┤'
echo '│🚀 ok │ é ñ  │'
echo '└──────┴──────┘'
echo '╔═══╦═══╗ ╭───┬───╮ ┏━━━┳━━━┓ ▀▄█▌▐░▒▓ ▁▂▃▄▅▆▇█ ▖▗▘▙▚▛▜▝▞▟'
echo '╠═══╬═══╣ ├───┼───┤ ┣━━━╋━━━┫ ┄┄┈┈╌╌ ┆┊╎ ╱╲╳ ⠿⣿'
echo '╚═══╩═══╝ ╰───┴───╯ ┗━━━┻━━━┛ ╒═╕╓─╖ ✓ ✗ • … → ▶ ● ⚠ ❤️ 👍🏽 ✔️'
echo 'ａｂｃ|日本語テキスト|end'
printf '\e[44m%-40s\e[0m\n' ' blue bar with trailing'
printf '\e[41m  red to edge'; printf '\e[K\e[0m\n'
