"""The command line's grammar: every command, its options and their help, in Chinese."""

from __future__ import annotations

import argparse

from wizard import __version__

PROG = "speech-wizard"
STYLE_HELP = (
    "Word 版式文件（含 [docx] 表：字体、字号、行距、页边距），只用于这一次，"
    "覆盖数据文件夹中 settings.toml 的设置；默认按 GB/T 9704"
)


def read(argv: list[str]) -> argparse.Namespace:
    """The command and its options; argparse exits with status 2 on a usage error."""
    return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="心得发言向导：一步步写好学习心得交流发言，保存为 TOML 记录并输出发言稿。",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--template",
        metavar="NAME",
        help="新建发言时使用的模板（默认 exchange 学习心得交流发言；用 templates 命令查看全部）",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")
    edit = commands.add_parser("edit", help="在向导中打开已保存的记录")
    edit.add_argument("file", help="记录文件（.toml）")
    demo = commands.add_parser("demo", help="用内置示例打开向导")
    demo.add_argument("-o", "--output", help="保存到这个文件")
    commands.add_parser("example", help="在标准输出打印内置示例记录（TOML）")
    render = commands.add_parser("render", help="把记录排成发言稿")
    render.add_argument("file", help="记录文件（.toml），- 表示标准输入")
    render.add_argument(
        "--format",
        choices=("text", "markdown", "docx"),
        help="输出格式（默认按 -o 的扩展名：.docx、.md，其余为纯文本）",
    )
    render.add_argument("-o", "--output", help="输出文件（默认标准输出；- 为标准输出；docx 必须指定）")
    render.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（不加则报错退出）")
    render.add_argument("--style", metavar="FILE", help=STYLE_HELP)
    check = commands.add_parser(
        "check",
        help="检查记录：内容问题、排版问题和字数；有错误时退出码为 1",
        description="列出记录中的错误和提示（含标点、引号、日期、空格、占位符等排版问题），"
        "最后一行是字数和预计时长。只有提示时退出码为 0，有错误时为 1。",
    )
    check.add_argument("file", help="记录文件（.toml），- 表示标准输入")
    check.add_argument(
        "--fix",
        action="store_true",
        help="自动修正机械性的排版问题（标点全半角、引号、日期连接号、前导零、空格），"
        "显示每处修改后写回文件（按记录格式重写，文件中的注释不保留）",
    )
    listing = commands.add_parser(
        "list",
        help="列出保存过的记录（默认数据文件夹中的 records 和 drafts）",
        description="列出发言记录：日期、培训班、字数、文件，按培训日期从新到旧。"
        "无法读取的文件在标准错误中说明并跳过；一个文件夹都读不了时退出码为 1。",
    )
    listing.add_argument("folders", nargs="*", metavar="FOLDER", help="要查找的文件夹或记录文件")
    commands.add_parser("templates", help="列出可用的发言模板")
    importing = commands.add_parser(
        "import",
        help="把已有文稿（.txt、.md、.docx）转成发言记录",
        description="认出文稿的标题、称呼、开头、过渡段、各部分和各点、结束语和落款，写成记录；"
        "在标准错误输出说明认出了什么。记录再排版得到的正文与原文一致。",
    )
    importing.add_argument("file", help="文稿文件（.txt、.md、.docx），- 表示从标准输入读纯文本")
    importing.add_argument("-o", "--output", help="记录文件（.toml；默认标准输出）")
    importing.add_argument("--force", action="store_true", help="记录文件已存在时覆盖它（不加则报错退出）")
    booklet = commands.add_parser(
        "booklet",
        help="把多篇心得（记录、.docx、.txt、.md，或整个文件夹）汇编成一个 Word 文件",
        description="封面、目录（Word 目录域，打开前就列出各篇标题和页码）、每篇另起一页，页码连续、封面不编页码。"
        "读不了的文件逐个说明并略过，仍然生成汇编，退出码为 1；内容相同的文件只收录一次。",
    )
    booklet.add_argument("files", nargs="+", metavar="FILE", help="心得文件或文件夹（文件夹中的文件按名称顺序）")
    booklet.add_argument("-o", "--output", required=True, help="汇编文件（.docx）")
    booklet.add_argument("--title", help="封面标题（默认“学员学习心得体会汇编”）")
    booklet.add_argument("--subtitle", default="", help="封面副标题，如培训班名称")
    booklet.add_argument("--unit", default="", help="封面上的编印单位")
    booklet.add_argument(
        "--order",
        choices=("given", "name", "date"),
        default="given",
        help="各篇的顺序：given 按给出的顺序（默认），name 按作者姓名拼音，date 按培训日期",
    )
    booklet.add_argument("--style", metavar="FILE", help=STYLE_HELP)
    booklet.add_argument("--force", action="store_true", help="汇编文件已存在时覆盖它（不加则报错退出）")
    return parser
