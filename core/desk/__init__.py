"""The reviewer's questions: who has not filed, a unit's two years side by
side, a figure over the years as a chart.  `answer_desk_question` is the one
hook the bot and `nianbao ask` call before the general question answering."""

from core.desk.answer import DeskAnswer, answer_desk_question

__all__ = ["DeskAnswer", "answer_desk_question"]
