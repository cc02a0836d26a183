"""Swapped one-character function words (再/在, 已/以, 像/向, 作/做, 哪/那, 买/卖): the word stands alone, so no
dictionary word vouches for it, and the character LM clearly prefers its twin."""

from __future__ import annotations

from checks.findings import Finding
from checks.lm import scoring
from checks.lm.corpus import normalize
from checks.register import is_colloquial, sentence_around
from checks.tagging import Token, tag_at, tagged_clauses, word_at

TWINS = {
    "在": "再",
    "再": "在",
    "已": "以",
    "以": "已",
    "像": "向",
    "向": "像",
    "作": "做",
    "做": "作",
    "哪": "那",
    "那": "哪",
    "买": "卖",
    "卖": "买",
}
# log10 gain the twin must reach, tuned on swaps injected into held-out news (bench/tune_typos.py function-words):
# 3.5 finds 73 of 180 swaps on part 0 and 76 of 195 on part 1 (4.0: 62 and 64), no clean sentence flagged on either.
# 2.5 for every pair would find 38 instead of 28 of the learner set's dev swaps (bench/learner_eval.py), but
# flags formal text (像雷锋那样 -> 向, 做具体分析 on the People's Daily slice). Only 在 with no noun phrase after it
# (明天在来, 请你在说), the learner's commonest swap, gets it: the preposition 在 takes a place, time or thing.
MIN_GAIN = 3.5
# In a clause in the first or second person (checks.register) the twin needs 10^1 less: the news-trained LM gains
# less in everyday writing (bench/learner_eval.py: learner dev 2 more swaps, none of 936 clean sentences of ours
# flagged; 1.5 finds 3 more and flags 你再想想，别着急做决定 -> 作).
COLLOQUIAL_BONUS = 1.0
AGAIN_GAIN = 2.5
# When the grammar alone calls for 再 (again_by_grammar) the LM only vetoes.
GRAMMAR_GAIN = -1.0
NOMINAL = ("n", "r", "s", "t", "f", "m", "q")
# 再 right before a place (再北京, 再家里) is almost always 在: all of People's Daily has four, each far below 0.
# 1.0 rather than 2.0 finds 3 more of the learner set's dev swaps (再上海, 再教室里), no clean sentence of ours, of
# People's Daily or of the reviews flagged.
PLACE_GAIN = 1.0
PLACES = frozenset(("ns", "s"))
# 再 before a noun phrase that ends in a spatial locative (再教室里, 再一百多人面前) or before 这里/那儿 is 在 as well,
# at the same gain.
LOCATIVES = frozenset(
    "里 上 中 内 外 下 面前 旁边 附近 对面 门口 身边 里面 外面 上面 下面 前面 后面 左边 右边 中间 底下 这里 那里 "
    "这儿 那儿".split()
)
PLACE_PRONOUNS = frozenset("这里 那里 这儿 那儿".split())
STAYING = frozenset("工作 上班 打工 实习 上学 读书 住 生活".split())
# 再 before these is again, whatever follows: 再一起工作, 再一次来这里.
ONCE_MORE = frozenset("一起 一次 一下 一遍 一会儿 一块 一块儿 一回 一趟".split())
NOUN_PHRASE = frozenset("n nr ns nt nz s r m q a b vn".split())
# 哪 in a sentence that asks nothing is the demonstrative 那 (哪天我特别高兴。), and 那 with a measure word in a
# question that has no other question word is 哪 (你是从那儿来的？): the sentence decides, the LM only vetoes.
QUESTION_GAIN = 0.5
MEASURES = frozenset("儿 里 边 个 些 种 天 年 次 位 家 部 本 件 条 只 张 所 段 首 份".split())
# Words after which a 哪 asks an embedded question (不知道他去哪儿了。) or means "any" (不管哪个).
EMBEDDING = (
    "知道 不知 记得 记不 问 看看 想想 猜 决定 选 明白 清楚 确定 告诉 商量 讨论 了解 发现 忘 无论 不论 不管 随便 "
    "是否 取决 说不 弄不 搞不 分不 认不 看你 找 想一想 说一说 看一看 问一问 说说".split()
)
# 哪天 in a sentence about what may come is "some day" (哪天我们一起去看, 恐怕哪天会下雨), not 那天.
SOME_DAY = ("哪天", "哪一天")
COMING = tuple("一起 吧 会 要 再 改天 有空 如果 要是 恐怕 也许 说不定 希望".split())
OTHER_QUESTION_WORDS = tuple("吗 什么 谁 怎 几 多少 为什么 为何 呢 吧 是不是 有没有 还是 哪".split())


def _locative_follows(tokens: tuple[Token, ...], i: int) -> bool:
    """tokens[i] is followed by 这里/那儿, or by up to three noun-phrase words ending in a spatial locative or followed
    by a verb of where one works or lives (再一家公司工作, 再咖啡馆打工)."""
    if i + 1 < len(tokens) and tokens[i + 1][0] in PLACE_PRONOUNS:
        return True
    if i + 1 >= len(tokens) or tokens[i + 1][1] not in NOUN_PHRASE or tokens[i + 1][0] in ONCE_MORE:
        return False
    for k in range(i + 2, min(len(tokens), i + 5)):
        if tokens[k][0] in LOCATIVES or tokens[k][0] in STAYING:
            return True
        if tokens[k][1] not in NOUN_PHRASE:
            return False
    return False


def question_twin(text: str, at: int, word: str) -> str | None:
    """哪 in a sentence that is no question (no ？, no 吗), not after a verb that embeds one (不知道, 无论) and not
    meaning "any" (哪儿都, 哪个也), is 那; 那 with a measure word in a question that has no other question word
    is 哪."""
    before, rest = sentence_around(text, at)
    question = rest.rstrip().endswith(("？", "?"))
    if word[0] == "哪" and word[1:] in MEASURES | {""}:
        if question or "吗" in rest or "呢" in rest or any(w in before for w in EMBEDDING) or "哪" in before + rest[1:]:
            return None
        clause = rest[: min((rest.find(p) for p in "，,；;" if p in rest), default=len(rest))]
        return None if "都" in clause or "也" in clause else "那"
    if word[0] == "那" and word[1:] in MEASURES and question:
        return None if any(w in before + rest[1:] for w in OTHER_QUESTION_WORDS) else "哪"
    return None


def some_day(text: str, at: int) -> bool:
    """哪天 in a sentence about what may come means "some day" (哪天我们一起去看, 恐怕哪天会下雨): no 那天 mistyped;
    one that goes on to tell what happened (哪天……我们一起去喝咖啡聊了一个下午) is 那天."""
    before, rest = sentence_around(text, at)
    return rest.startswith(SOME_DAY) and any(w in before + rest for w in COMING) and "了" not in rest


REPEATED = frozenset("一遍 一次 一回".split())


def again_by_grammar(tokens: tuple[Token, ...], i: int, before: str) -> bool:
    """在 where only 再 fits the grammar: before a doubled verb (在想想), before a verb done once more (在复习一遍),
    in 先……，在 + verb (先喝水，在吃早饭), or as 在见 ending a clause (说了在见)."""
    if tokens[i][0] != "在" or i + 1 >= len(tokens) or tokens[i + 1][1] != "v":
        return False
    verb = tokens[i + 1][0]
    doubled = len(verb) == 2 and verb[0] == verb[1]
    if doubled or word_at(tokens, i + 2) in REPEATED:
        return True
    if verb == "见" and i + 2 == len(tokens):
        return True
    return i == 0 and "先" in before


def find_function_word_swaps(text: str, min_gain: float = MIN_GAIN) -> list[Finding]:
    """Flag a standalone function word whose twin the LM finds at least 10^min_gain times likelier (10^PLACE_GAIN
    for 再 before a place, 10^AGAIN_GAIN for 在 before a verb), and 哪/那 against the sentence's question."""
    normalized = normalize(text)
    findings = []
    for at, tokens in tagged_clauses(text, "".join(TWINS)):
        floor = min_gain - COLLOQUIAL_BONUS if is_colloquial("".join(sentence_around(normalized, at))) else min_gain
        for i, (word, _) in enumerate(tokens):
            twin = TWINS.get(word)
            following = tag_at(tokens, i + 1)
            if word == "再" and word_at(tokens, i + 1) in ONCE_MORE and not tag_at(tokens, i - 1).startswith("v"):
                twin = None  # again, together or once more (我们再一起去), unless a verb wants a place (坐再一起)
            elif word == "再" and (following in PLACES or _locative_follows(tokens, i)):
                needed = min(min_gain, PLACE_GAIN)
            elif word == "在" and again_by_grammar(tokens, i, sentence_around(normalized, at)[0]):
                needed = GRAMMAR_GAIN
            elif word == "在" and following and not following.startswith(NOMINAL):
                needed = min(min_gain, AGAIN_GAIN)
            elif word == "哪" and some_day(normalized, at):
                twin = None
            elif word[:1] in "哪那" and len(word) <= 2:
                right = question_twin(normalized, at, word)  # the sentence, not the register, decides these
                twin, needed = (right, min(min_gain, QUESTION_GAIN)) if right else (twin, min_gain)
            else:
                needed = floor
            if twin and scoring.substitution_gains(normalized, at, [twin])[0] >= needed:
                findings.append(Finding.char_typo(text, at, twin, "typo.function_word"))
            at += len(word)
    return findings
