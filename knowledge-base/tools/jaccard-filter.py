#!/usr/bin/env python3
"""Char-bigram Jaccard filter. Usage: jac.py NEW.jsonl|tsv REF... ; prints only NEW lines with max Jaccard >= 0.5
(never the reference line). REF: jsonl with text (eval) or questions (kb)."""
import json, sys, re
def grams(s):
    s = re.sub(r'\s+', '', s.lower())
    if len(s) < 2: return {s}
    return {s[i:i+2] for i in range(len(s)-1)}
def jac(a, b):
    return len(a & b) / len(a | b) if a | b else 0.0
def load_texts(path):
    out = []
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line: continue
        o = json.loads(line)
        if 'questions' in o: out += o['questions']
        else: out.append(o['text'])
    return out
def load_new(path):
    out = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line: continue
        if path.endswith('.tsv'):
            g, t = line.split('\t'); out.append((g, t))
        else:
            o = json.loads(line); out.append((o.get('gold'), o['text']))
    return out
new = load_new(sys.argv[1])
refs = [(p, [grams(t) for t in load_texts(p)]) for p in sys.argv[2:]]
bad = 0; kept = []
for i, (g, t) in enumerate(new):
    gt = grams(t)
    worst = 0.0; where = ''
    for p, gs in refs:
        m = max((jac(gt, x) for x in gs), default=0)
        if m > worst: worst, where = m, p.split('/')[-1]
    # also against earlier kept new lines
    m2 = max((jac(gt, grams(k)) for k in kept), default=0)
    if m2 > worst: worst, where = m2, 'self'
    if worst >= 0.5:
        bad += 1; print(f'{worst:.2f}\t{where}\t{g}\t{t}')
    else: kept.append(t)
print(f'# {bad} of {len(new)} at >= 0.5', file=sys.stderr)
