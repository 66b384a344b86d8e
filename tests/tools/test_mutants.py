"""The mutation runner's reading of mutmut's result file and its closing line (the run itself is not a test: slow)."""

import json
import re

from tools import mutants

# mutmut's exit codes: 1 a test failed, 36 out of time, -11 crashed (all three: the tests noticed); 0 every test
# passed, 33 no test reached the mutant, None not run (none of these three is a kill).
CODES = {"m.x_f__mutmut_1": 1, "m.x_f__mutmut_2": 0, "m.x_f__mutmut_3": 36, "m.x_g__mutmut_1": 33,
         "m.x_g__mutmut_2": -11, "m.x_g__mutmut_3": None, "m.x_g__mutmut_4": 1}


def _meta(tmp_path, codes):
    path = tmp_path / "m.py.meta"
    path.write_text(json.dumps({"exit_code_by_key": codes, "durations_by_key": {}, "hash_by_function_name": {},
                                "type_check_error_by_key": {}, "estimated_durations_by_key": {}}))
    return path


def test_a_mutant_counts_as_killed_when_a_test_failed_ran_out_of_time_or_crashed(tmp_path):
    figure = mutants.read_figure(_meta(tmp_path, CODES), "m.py", 1.0)
    noticed = [name for name, code in CODES.items() if code in (1, 36, -11)]
    assert (figure.killed, figure.total) == (len(noticed), len(CODES))
    assert set(figure.survivors) == set(CODES) - set(noticed)


def test_the_last_line_is_killed_k_of_n_with_the_percentage_summed_over_modules(tmp_path):
    one = mutants.read_figure(_meta(tmp_path, CODES), "m.py", 1.0)
    (tmp_path / "b").mkdir()
    other = mutants.read_figure(_meta(tmp_path / "b", {"n.x_h__mutmut_1": 1, "n.x_h__mutmut_2": 0}), "n.py", 2.0)
    last = mutants.report([one, other]).splitlines()[-1]
    match = re.fullmatch(r"killed (\d+) of (\d+) \((\d+\.\d)%\)", last)
    assert match, last
    killed, total = one.killed + other.killed, one.total + other.total
    assert (int(match[1]), int(match[2])) == (killed, total)
    assert abs(float(match[3]) - 100 * killed / total) <= 0.05


def test_every_module_of_the_table_and_its_test_files_exist():
    for module, tests in mutants.TESTS.items():
        assert (mutants.ROOT / module).is_file(), module
        assert tests and all((mutants.ROOT / t).is_file() for t in tests), module
