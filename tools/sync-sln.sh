#!/usr/bin/env bash
# Regenerates ChargerFirmware.sln from the project files in the tree: every SDK-style project
# (desktop builds, tests, simulator) and every .nfproj (nanoFramework project system, listed as
# "<name> (nanoFramework)" with the nanoFramework project type so Visual Studio opens them with
# the extension). Run it after adding or removing a project.
set -eu
cd "$(dirname "$0")/.."
rm -f ChargerFirmware.sln
dotnet new sln --format sln -n ChargerFirmware >/dev/null
find hal firmware hardware-sims tests -name '*.csproj' -not -path '*/obj/*' -not -path '*/bin/*' -not -path '*/node_modules/*' | sort \
  | xargs dotnet sln ChargerFirmware.sln add >/dev/null
python3 - <<'PY'
import re, uuid, subprocess, pathlib
sln = pathlib.Path('ChargerFirmware.sln')
text = sln.read_text(encoding='utf-8-sig')
nf_type = '11A8DD76-328B-46DF-9F39-F559912D0360'
files = subprocess.run(['find', 'hal', 'firmware', 'tests', '-name', '*.nfproj'], capture_output=True, text=True).stdout.split()
projects, configs = [], []
for f in sorted(files):
    src = pathlib.Path(f).read_text()
    guid = re.search(r'<ProjectGuid>\{([0-9A-Fa-f-]+)\}</ProjectGuid>', src).group(1).upper()
    name = pathlib.Path(f).stem + ' (nanoFramework)'
    projects.append(f'Project("{{{nf_type}}}") = "{name}", "{f.replace("/", chr(92))}", "{{{guid}}}"\nEndProject\n')
    for cfg in ('Debug', 'Release'):
        for plat in ('Any CPU', 'x64', 'x86'):
            configs.append(f'\t\t{{{guid}}}.{cfg}|{plat}.ActiveCfg = {cfg}|Any CPU\n')
            configs.append(f'\t\t{{{guid}}}.{cfg}|{plat}.Build.0 = {cfg}|Any CPU\n')
i = text.index('Global\n')
text = text[:i] + ''.join(projects) + text[i:]
j = text.index('\tEndGlobalSection', text.index('GlobalSection(ProjectConfigurationPlatforms)'))
text = text[:j] + ''.join(configs) + text[j:]
sln.write_text('\ufeff' + text, encoding='utf-8')
PY
echo "ChargerFirmware.sln: $(grep -c '\.csproj"' ChargerFirmware.sln) SDK projects, $(grep -c '\.nfproj"' ChargerFirmware.sln) nanoFramework projects"
