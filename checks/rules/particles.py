"""的/地/得 mix-ups (的地得不分), decided by jieba's part-of-speech tags around each particle; the character LM,
which cannot tell the three apart, only vetoes."""

from __future__ import annotations

from checks.findings import Finding
from checks.lm import scoring
from checks.lm.corpus import normalize
from checks.tagging import Token, predicate_shares, tag_at, tagged_clauses, tagger, word_at

PARTICLES = "的地得"
# The character LM cannot pick the particle on its own, but vetoes a rule's choice it finds much less likely;
# -1.5 and -2.0 tie on the dev set (bench/tune_typos.py particles), the first held-out false flag comes at -3.0.
MIN_LM_GAIN = -1.5
# Degree adverbs that take an adjective: 很好, 非常高兴, 越来越快.
DEGREE = frozenset("很 非常 十分 特别 太 相当 比较 较 挺 极 极其 极为 更 更加 格外 越来越 不太 过于 特".split())
# Verbs of saying, which a manner word before the particle describes: 感慨地说, 高兴地问.
SPEAKING = frozenset("说 道 问 答 回答 喊 叫 笑 表示 指出 介绍 说道 问道 答道".split())
# Degree words that, before 的 and a bare predicate, make it adverbial: 非常地高兴, 那么地难过.
DEGREE_BEFORE_DE = frozenset("非常 十分 特别 格外 那么 这么 如此 极其 极为 相当 多么".split())
# Pronouns (and 一样, 这样) that own a following noun: 我的学生, 一样的事情.
OWNERS = frozenset("我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们 自己 大家 一样 这样 那样 同样".split())
# Quantities after 的 name what was done, not how well: 要做的很多.
# Personal pronouns, after which 地 is never the adverbial particle: 我地朋友.
PRONOUNS = frozenset("我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们".split())
# LM gains noun_de needs (bench/learner_eval.py on the learner set's dev part, with bench/data/official_tune.txt
# and a People's Daily slice for formal text).
NOUN_DE_MIN_GAIN = 1.0
NOUN_DE_AFTER_MODIFIER = 3.0
# A word after 地 that People's Daily uses as a verb or an adjective at least this often is the predicate an adverbial
# 地 modifies, whatever jieba's tag says (有效率地利用/n, 用功地读书/n, 大量地用电/n, 如此地理想/n). On the dev parts
# (bench/learner_eval.py, the SIGHAN training sets' corrected sentences) every right noun_de flag comes before a word
# used so at most 16% of the time (生活, 意思, 梦想; most never), every false one before 45-100% (理想, 利用, 读书).
PREDICATE_SHARE = 0.4
QUANTITIES = frozenset("多 少 很多 很少".split())
ENDINGS = frozenset("了 啊 呀 吧 呢 哦 啦 的".split())
NOUN = frozenset("n nr ns nt nz ng".split())
ADJECTIVE = frozenset("a ad an b z".split())
MODIFIER = ADJECTIVE | {"v", "d", "i", "l"}
# jieba's dictionary lists many manner words with their 地 as one word (流利地/n, 难过地/d, 悲伤地/n); when the rest is
# itself an adjective, adverb or idiom (or a verb in a word tagged as an adverb: 难过地/d) the particle is split off
# again, so that 悲伤地时候 shows a 地 before a noun. Place nouns ending in 地 (举办地, 所在地, 草地) keep it: their
# rest is a verb or a noun and the word is a noun.
GLUED_STEMS = frozenset("a ad an z d i l b".split())
ADVERB_TAGS = frozenset("d ad z".split())
# Sentence-final particles after which a clause ends: 短一点儿地吗 is 的吗.
FINAL_PARTICLES = frozenset("吗 呢 吧 啊 呀 啦 哦".split())
SOME = frozenset("一点 一点儿 一些 些".split())
SENTENCE_END = ("", "。", "！", "？", "!", "?", "…")
# The LM gain final_de needs: a clause ending in 地 is the learner's 的 (不是故意地。, 大一点儿地。) unless the LM
# clearly prefers 地 (bench/learner_eval.py on the learner set's dev part).
FINAL_DE_MIN_GAIN = 0.5


def _counted(tokens: tuple[Token, ...], i: int) -> bool:
    """tokens[i] follows or starts with 一 (一块块, 一个个): it describes things, not how they are done."""
    return "一" in (tokens[i][0][:1], word_at(tokens, i - 1)[-1:])


def _is_manner(tokens: tuple[Token, ...], i: int) -> bool:
    """tokens[i] can only describe how something is done: an adverb (偷偷), a doubled word (慢慢), an idiom."""
    word, tag = tokens[i]
    doubled = (len(word) == 2 and word[0] == word[1]) or (len(word) == 4 and word[0] == word[1] and word[2] == word[3])
    idiom = tag in ("i", "l") and len(word) == 4
    return (doubled and not _counted(tokens, i)) or tag == "ad" or word.startswith("很") or idiom


def _starts_predicate(tokens: tuple[Token, ...], i: int, after_verb: bool) -> bool:
    """tokens[i] is a preposition with its object, or a verb that goes on with an object or another predicate;
    a verb followed by a verb (推动作用) may still be a compound noun, accepted only when after_verb."""
    if i + 1 >= len(tokens):
        return False
    following_word, following = tokens[i + 1]
    if following_word in ("了", "着", "过") and tag_at(tokens, i) == "v":
        return True  # an aspect marker keeps a verb a verb: 开心地跑了
    if following_word in ("起来", "下去") and tag_at(tokens, i) in ("a", "v"):
        return True  # becoming, never a noun: 慢慢地好起来
    if tag_at(tokens, i) not in ("v", "p"):
        return False
    if tag_at(tokens, i) == "p":
        return following in NOUN | {"r", "m", "t", "s", "f"}  # a preposition with its object: 在社会上
    if tokens[i][0] in ("去", "来") and following == "v":
        return True  # 去/来 + verb is an action with its purpose, never a noun: 用心地去找
    allowed = ("r", "p", "d", "ul", "uz", "ug", "y", "zg") + (("v", "m") if after_verb else ())
    return not tokens[i][0].endswith("是") and following in allowed and following_word != "的"


def adverbial_di(tokens: tuple[Token, ...], i: int) -> str | None:
    """的 between a manner word and the verb it modifies is 地: 偷偷地走进来, 很开心地跑到, 非常地高兴。"""
    if tokens[i][0] != "的" or i == 0:
        return None
    manner = _is_manner(tokens, i - 1)
    qualified = word_at(tokens, i - 2) in DEGREE and tag_at(tokens, i - 1) in ADJECTIVE | {"v", "n"}
    adverb = tag_at(tokens, i - 1) == "d" and len(word_at(tokens, i - 1)) > 1 and not _counted(tokens, i - 1)
    if (manner or qualified or adverb) and _starts_predicate(tokens, i + 1, after_verb=manner):
        return "地"
    if tag_at(tokens, i - 1) in MODIFIER - {"v"} and tag_at(tokens, i + 1) == "p" and tag_at(tokens, i + 2) == "r":
        return "地"  # a preposition heads no noun phrase: 不好意思地跟我们说
    if word_at(tokens, i + 1) in SPEAKING and i + 2 == len(tokens) and tag_at(tokens, i - 1) in MODIFIER:
        return "地"
    bare_predicate = tag_at(tokens, i + 1) in ADJECTIVE | {"v"} and word_at(tokens, i + 2) in ENDINGS | {""}
    return "地" if word_at(tokens, i - 1) in DEGREE_BEFORE_DE and bare_predicate else None


def complement_de(tokens: tuple[Token, ...], i: int) -> str | None:
    """的 between a verb and a degree complement that ends the clause is 得: 跑得很快, 做得更好, 卖得好, 打扮得很漂亮,
    考得怎么样; the verb may be one the tagger misreads when it repeats its object's verb (下棋下的很好); a clause
    never starts with the particle 的 (，的了第三名 is 得了)."""
    if tokens[i][0] == "的" and i == 0 and word_at(tokens, 1) in ("了", "到"):
        return "得"  # no clause starts with the particle 的: 得了第三名, 得到
    copied = len(word_at(tokens, i - 1)) == 1 and word_at(tokens, i - 2)[:1] == word_at(tokens, i - 1)
    if tokens[i][0] != "的" or (tag_at(tokens, i - 1) != "v" and not copied):
        return None
    if word_at(tokens, i - 1) == "觉":
        return "得"  # 觉 alone is 觉得 mistyped: 我觉的很好
    rest = [word for word, _ in tokens[i + 1 :]]
    while rest and rest[-1] in ENDINGS:
        rest.pop()
    if len(rest) == 2 and rest[0] in DEGREE and rest[1] not in QUANTITIES and tag_at(tokens, i + 2) not in NOUN:
        return "得"
    if rest in (["怎么样"], ["怎样"]):
        return "得"  # asking how well it was done: 考得怎么样
    if len(rest) != 1 or rest[0] in QUANTITIES:
        return None
    word, tag = tokens[i + 1]
    glued = len(word) in (2, 3) and word[0] in "很更太挺" and word[1:] not in QUANTITIES
    if tag == "n":  # the dictionary's 很漂亮/n
        return "得" if glued and tagger.get()(word[1:]) == ((word[1:], "a"),) else None
    bare = tag == "a" and len(word_at(tokens, i - 1)) == 1  # 藏匿的惊险 is a noun phrase
    return "得" if tag in ADJECTIVE | {"d"} and (glued or bare) else None


def attributive_de(tokens: tuple[Token, ...], i: int) -> str | None:
    """得/地 between an owner or a qualified adjective and its noun is 的: 我的学生, 很重要的事; so are 什么的 and
    真的很."""
    word = tokens[i][0]
    if word not in "得地" or i == 0:
        return None
    before = word_at(tokens, i - 1)
    if before == "什么" and i + 1 == len(tokens):
        return "的"
    if before == "真" and word_at(tokens, i + 1) in DEGREE:
        return "的"
    noun_follows = tag_at(tokens, i + 1) in NOUN
    qualified = word_at(tokens, i - 2) in DEGREE and tag_at(tokens, i - 1) in ADJECTIVE
    if noun_follows and (qualified or (before in OWNERS and word == "得" and len(word_at(tokens, i + 1)) > 1)):
        return "的"
    return None


def noun_de(tokens: tuple[Token, ...], i: int) -> str | None:
    """The particle 地 (not the noun: 这块地) after a personal pronoun or before a noun is a learner's 的: 我地朋友,
    过年地时候, 学校地食堂, 最好地朋友, 这里地生活; so is 地 between an adjective and 是 (最重要地是); how sure the
    LM must be depends on what precedes. A "noun" that is mostly a verb or an adjective is the predicate an adverbial
    地 modifies (有效率地利用)."""
    if tokens[i] != ("地", "uv") or i == 0:
        return None
    following = tag_at(tokens, i + 1)
    if word_at(tokens, i - 1) in PRONOUNS:
        return "的"
    if following in NOUN:
        return "的" if predicate_shares.get().get(word_at(tokens, i + 1), 0.0) < PREDICATE_SHARE else None
    before = tag_at(tokens, i - 1)
    if word_at(tokens, i + 1) == "是" and before in ADJECTIVE:
        return "的"  # 地 never heads 是: 最重要地是多听多说
    # a verbal noun after a pronoun (这里地生活); after a noun it is often a verb (科学地分析)
    return "的" if (following == "t" and before not in MODIFIER) or (following == "vn" and before == "r") else None


def final_de(tokens: tuple[Token, ...], i: int, following: str) -> str | None:
    """The particle 地 ending a sentence, alone or before 吗/呢/吧, after an adjective, an idiom, an adverb or 一点儿
    is 的: 他不是故意地。, 有短一点儿地吗？ Not before a comma (慢慢地，他习惯了 is right), nor after a verb, a
    preposition or a number, whose object or measure it may be (搬石造地, 摔倒在地, 一块地)."""
    if tokens[i] != ("地", "uv") or following not in SENTENCE_END:
        return None
    if tag_at(tokens, i - 1) not in ADJECTIVE | {"i", "l", "d"} and word_at(tokens, i - 1) not in SOME:
        return None
    rest = [word for word, _ in tokens[i + 1 :]]
    return "的" if not rest or (len(rest) == 1 and rest[0] in FINAL_PARTICLES) else None


def split_glued(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Split the particle 地 off a word jieba lists with it (流利地 -> 流利 + 地) when the rest is a manner word."""
    tag = tagger.get()
    out: list[Token] = []
    for word, flag in tokens:
        if len(word) >= 3 and word.endswith("地"):
            stem = tag(word[:-1])
            if len(stem) == 1 and (stem[0][1] in GLUED_STEMS or (stem[0][1] == "v" and flag in ADVERB_TAGS)):
                out += [stem[0], ("地", "uv")]
                continue
        out.append((word, flag))
    return tuple(out)


def noun_de_min_gain(tokens: tuple[Token, ...], i: int) -> float:
    """The LM gain noun_de needs: none after a pronoun (我地 is never right); after a manner word much more, for the
    tagger calls verbs nouns (严重地制约/n, 快乐地长大/ns, 惊诧地问/n), and 1.0 else (部分地市, 科学地分析)."""
    if word_at(tokens, i - 1) in PRONOUNS:
        return 0.0
    return NOUN_DE_AFTER_MODIFIER if tag_at(tokens, i - 1) in MODIFIER else NOUN_DE_MIN_GAIN


PATTERNS = {
    "particle.adverbial_di": adverbial_di,
    "particle.complement_de": complement_de,
    "particle.attributive_de": attributive_de,
    "particle.noun_de": noun_de,
}


def find_particle_misuse(text: str, min_lm_gain: float = MIN_LM_GAIN) -> list[Finding]:
    """Flag 的/地/得 used where grammar calls for another, clause by clause (only clauses containing one)."""
    normalized = normalize(text)
    findings = []
    for at, tagged in tagged_clauses(text, PARTICLES):
        tokens = split_glued(tagged)
        end = at + sum(len(word) for word, _ in tokens)
        following = normalized[end : end + 1]  # one character: slicing to the text's end is quadratic on a long body
        for i, (word, _) in enumerate(tokens):
            if word in PARTICLES:
                findings.extend(_misuse(text, normalized, at, tokens, i, min_lm_gain, following))
            at += len(word)
    return findings


def _misuse(
    text: str, normalized: str, at: int, tokens: tuple[Token, ...], i: int, min_lm_gain: float, following: str
) -> list[Finding]:
    """The first pattern that calls for another particle the LM does not veto; `following` is the character after
    the clause."""
    for rule, pattern in PATTERNS.items():
        right = pattern(tokens, i)
        need = max(min_lm_gain, noun_de_min_gain(tokens, i)) if pattern is noun_de else min_lm_gain
        if right and right != text[at] and scoring.substitution_gains(normalized, at, [right])[0] >= need:
            return [Finding.char_typo(text, at, right, rule, f"“{text[at]}”应为“{right}”（的地得误用）")]
    right = final_de(tokens, i, following)
    if right and scoring.substitution_gains(normalized, at, [right])[0] >= max(min_lm_gain, FINAL_DE_MIN_GAIN):
        return [Finding.char_typo(text, at, right, "particle.final_de", f"“{text[at]}”应为“{right}”（的地得误用）")]
    return []
