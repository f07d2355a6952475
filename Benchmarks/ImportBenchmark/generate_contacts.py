"""Writes a CSV of Anyreach contacts: external_id, phone, first_name, last_name, email and
two extra columns (which land in the contact's free-form data); names include accents,
CJK and emoji, and some fields need quoting."""

import sys

FIRST = ["Ada", "José", "Zoë", "Ngọc", "美咲", "Grace", "Søren", "Amélie", "Łukasz", "Nia"]
LAST = ["Lovelace", "Muñoz", "O'Brien", "Nguyễn", "山田", "Hopper", "Kierkegaard", "Poulain", "Wałęsa", "Okafor 🚀"]
PLANS = ["pro", "free", "team", "enterprise"]
NOTES = ['"said ""call me after 5"""', "", "prefers mornings", '"Smith, Jones & Co"']


def write(path: str, rows: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("external_id,phone,first_name,last_name,email,plan,notes\r\n")
        lines = []
        for row in range(rows):
            first = FIRST[row % len(FIRST)]
            last = LAST[(row // 10) % len(LAST)]
            lines.append(
                f"bench-{row},(415) {200 + row // 10000 % 800:03d}-{row % 10000:04d},{first},{last},"
                f"user{row}@example.com,{PLANS[row % 4]},{NOTES[row % 4]}\r\n")
            if len(lines) == 10000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]))
