using Platform.Tasks.Importing.Reading;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>The line and the category and task under construction.</summary>
internal sealed partial class TaskListParser
{
    private sealed class Line
    {
        public Line(SourceLine source)
        {
            Number = source.Number;
            Norm = TextNormalizer.Normalize(source.Text);
            var start = 0;
            while (start < Norm.Length && IsLeadingJunk(Norm[start]))
            {
                start++;
            }

            var end = Norm.Length;
            while (end > start && char.IsWhiteSpace(Norm[end - 1]))
            {
                end--;
            }

            Trimmed = source.Text[start..end];
            TrimmedNorm = Norm[start..end];
            IsBlank = TrimmedNorm.Length == 0;
            Cells = source.Cells;
            TableId = source.TableId;
            if (source.Cells is not null)
            {
                CellsPrinted = [.. source.Cells];
                CellsNorm = [.. source.Cells.Select(TextNormalizer.Normalize)];
                IsBlank = source.Cells.All(string.IsNullOrWhiteSpace);
            }
            else
            {
                Numbering = Parsing.Numbering.Match(TrimmedNorm);
            }
        }

        /// <summary>
        /// What a web page's copy leaves before a paragraph: spaces of every width, question marks and U+FFFD where
        /// characters were lost, zero-width spaces and byte-order marks. A paragraph never starts with one of them.
        /// </summary>
        private static bool IsLeadingJunk(char c) => char.IsWhiteSpace(c) || c is '?' or '\uFFFD' or '\u200B' or '\uFEFF';

        public int Number { get; }

        public string Norm { get; }

        public string Trimmed { get; }

        public string TrimmedNorm { get; }

        public bool IsBlank { get; }

        public IReadOnlyList<string>? Cells { get; }

        public string[]? CellsPrinted { get; }

        public string[]? CellsNorm { get; }

        public int? TableId { get; }

        public NumberingMatch? Numbering { get; }
    }

    private sealed class CategoryBuilder(string? number, int line, string sourceText)
    {
        /// <summary>As printed; null when the document prints none (a category column): then its position in the list.</summary>
        public string? Number { get; } = number;

        public int Line { get; } = line;

        public string SourceText { get; } = sourceText;

        public string Title { get; set; } = "";

        public string? Body { get; set; }

        public List<string> Leads { get; } = [];

        public List<string> Responsibles { get; } = [];

        public List<string> Leaders { get; } = [];

        public List<(int Line, string Text)> SourceLines { get; } = [];

        public IReadOnlyList<string> Indicators { get; set; } = [];

        public int TaskCount { get; private set; }

        public bool Kept { get; set; } = true;

        public bool HasUnits => Leads.Count > 0 || Responsibles.Count > 0;

        public void AddTask() => TaskCount++;

        public void Apply(UnitAnnotation annotation, bool firstIsLead)
        {
            var leads = annotation.Leads.ToList();
            var responsibles = annotation.Responsibles.ToList();
            if (annotation.Owners.Count > 0)
            {
                if (leads.Count > 0)
                {
                    responsibles.InsertRange(0, annotation.Owners);
                }
                else
                {
                    leads.AddRange(annotation.Owners);
                }
            }

            if (leads.Count == 0 && responsibles.Count > 0 && firstIsLead)
            {
                leads.Add(responsibles[0]);
                responsibles.RemoveAt(0);
            }

            Leads.AddRange(leads.Where(l => !Leads.Contains(l)));
            Responsibles.AddRange(responsibles.Where(r => !Responsibles.Contains(r) && !Leads.Contains(r)));
            Responsibles.RemoveAll(r => Leads.Contains(r));
            Leaders.AddRange(annotation.Leaders);
        }

        public ParsedCategory Build(int position) => new()
        {
            Number = Number ?? position.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = Title,
            LeadUnits = [.. Leads],
            ResponsibleUnits = [.. Responsibles],
            Leaders = [.. Leaders],
            Indicators = Indicators,
        };
    }

    private sealed class TaskBuilder(string number, CategoryBuilder? category, int line)
    {
        public string Number { get; } = number;

        public CategoryBuilder? Category { get; } = category;

        public int Line { get; } = line;

        public string Text { get; private set; } = "";

        public List<UnitAnnotation> Annotations { get; } = [];

        public List<string> Extra { get; } = [];

        public (string Norm, string Printed)? DeadlineCell { get; set; }

        public string? Context { get; init; }

        public ParsedTask? Built { get; set; }

        public void Append(string text) => Text = TextNormalizer.JoinContinuation(Text, text.Trim());
    }
}
