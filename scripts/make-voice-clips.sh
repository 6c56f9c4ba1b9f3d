#!/usr/bin/env bash
# Regenerates the display's default voice clips (Q4) in src/ServiceHall.Web/wwwroot/audio/zh-CN/ with
# espeak-ng (Mandarin) and sox, both Debian packages: apt-get install espeak-ng sox libsox-fmt-all.
# The display joins clips in the browser when it has no Chinese voice: 请 A 0 0 1 号 到 三 号 窗口 办理 (or 取药 …).
# A hall replaces them with its own recordings by putting files of the same names (ogg) in the folder
# named by the setting Display:VoiceClipsPath; see docs/decisions/ADR-014-display-voice-clips.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/ServiceHall.Web/wwwroot/audio/zh-CN
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# espeak-ng's Mandarin dictionary in Debian lacks many characters, so words are given as pinyin with tones.
speak_pinyin() { espeak-ng -v cmn-latn-pinyin -s 150 -p 45 -w "$tmp/$1.wav" "$2"; }
# Letters are read by their English names, as halls call "A001" (诶 零 零 一).
speak_letter() { espeak-ng -v cmn -s 150 -p 45 -w "$tmp/$1.wav" "$2"; }

# Trim the silence espeak-ng leaves around a word, 22.05 kHz mono, Ogg Vorbis at low quality (a few kB each).
encode() { sox "$tmp/$1.wav" -r 22050 -c 1 -C 1 "$out/$1.ogg" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse; }

# The last word of a call by item template (issue 16): 办理, 取药, 就诊, 缴费, 售票.
words=(qing:qing3 hao:hao4 dao:dao4 chuangkou:"chuang1 kou3" banli:"ban4 li3" shi:shi2 bai:bai3
  quyao:"qu3 yao4" jiuzhen:"jiu4 zhen3" jiaofei:"jiao3 fei4" shoupiao:"shou4 piao4")
digits=(ling2 yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3)
for entry in "${words[@]}"; do speak_pinyin "${entry%%:*}" "${entry#*:}"; encode "${entry%%:*}"; done
for d in "${!digits[@]}"; do speak_pinyin "$d" "${digits[$d]}"; encode "$d"; done
for letter in {A..Z}; do name=$(tr 'A-Z' 'a-z' <<<"$letter"); speak_letter "$name" "$letter"; encode "$name"; done

# The chime before each call: two soft tones, 880 Hz then 660 Hz (the same as the browser's own chime).
sox -n -r 22050 -c 1 "$tmp/tone1.wav" synth 0.32 sine 880 fade q 0.02 0.32 0.28 vol 0.5
sox -n -r 22050 -c 1 "$tmp/tone2.wav" synth 0.45 sine 660 fade q 0.02 0.45 0.4 vol 0.5
sox "$tmp/tone1.wav" "$tmp/tone2.wav" -r 22050 -c 1 -C 1 "$out/chime.ogg"
ls "$out" | wc -l | xargs echo "clips written to $out:"
