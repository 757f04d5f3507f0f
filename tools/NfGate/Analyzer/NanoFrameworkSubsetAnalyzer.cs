using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NfGate.Analyzer
{
    /// <summary>
    /// Rejects device code that the C# compiler accepts but a nanoFramework 1.x board cannot run.
    /// Mostly syntax-driven, so it still reports the right rule when the reference set (the in-repo
    /// stubs, or the real package DLLs) does not even declare the type: a developer then sees
    /// "NF1002: generic type List&lt;int&gt;..." next to the compiler's CS0246.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NanoFrameworkSubsetAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        {
            get
            {
                return ImmutableArray.Create(
                    NfRules.GenericDeclaration,
                    NfRules.GenericTypeUse,
                    NfRules.GenericMethodUse,
                    NfRules.NullableValueType,
                    NfRules.AsyncAwait,
                    NfRules.Linq,
                    NfRules.Tuple,
                    NfRules.Record,
                    NfRules.Decimal,
                    NfRules.Yield,
                    NfRules.SpanStackalloc,
                    NfRules.IndexRange,
                    NfRules.Unsafe,
                    NfRules.BannedApi,
                    NfRules.Volatile,
                    NfRules.EnumToText);
            }
        }

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();

            context.RegisterSyntaxNodeAction(AnalyzeTypeParameterList, SyntaxKind.TypeParameterList);
            context.RegisterSyntaxNodeAction(AnalyzeGenericName, SyntaxKind.GenericName);
            context.RegisterSyntaxNodeAction(AnalyzeInvocation, SyntaxKind.InvocationExpression);
            context.RegisterSyntaxNodeAction(AnalyzeImplicitGenericType, SyntaxKind.VariableDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzeNullableType, SyntaxKind.NullableType);
            context.RegisterSyntaxNodeAction(AnalyzeConditionalAccess, SyntaxKind.ConditionalAccessExpression);
            context.RegisterSyntaxNodeAction(AnalyzeAsyncModifier,
                SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.SimpleLambdaExpression, SyntaxKind.AnonymousMethodExpression);
            context.RegisterSyntaxNodeAction(AnalyzeAwait, SyntaxKind.AwaitExpression);
            context.RegisterSyntaxNodeAction(AnalyzeUsing, SyntaxKind.UsingDirective);
            context.RegisterSyntaxNodeAction(AnalyzeQuery, SyntaxKind.QueryExpression);
            context.RegisterSyntaxNodeAction(AnalyzeTuple, SyntaxKind.TupleType, SyntaxKind.TupleExpression);
            context.RegisterSyntaxNodeAction(AnalyzeRecord, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzeDecimalKeyword, SyntaxKind.PredefinedType);
            context.RegisterSyntaxNodeAction(AnalyzeNumericLiteral, SyntaxKind.NumericLiteralExpression);
            context.RegisterSyntaxNodeAction(AnalyzeYield, SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement);
            context.RegisterSyntaxNodeAction(AnalyzeStackalloc, SyntaxKind.StackAllocArrayCreationExpression, SyntaxKind.ImplicitStackAllocArrayCreationExpression);
            context.RegisterSyntaxNodeAction(AnalyzeIndexRange, SyntaxKind.RangeExpression, SyntaxKind.IndexExpression);
            context.RegisterSyntaxNodeAction(AnalyzeUnsafeStatement, SyntaxKind.UnsafeStatement, SyntaxKind.FixedStatement, SyntaxKind.PointerType);
            context.RegisterSyntaxNodeAction(AnalyzeUnsafeModifier,
                SyntaxKind.ClassDeclaration, SyntaxKind.StructDeclaration, SyntaxKind.MethodDeclaration,
                SyntaxKind.FieldDeclaration, SyntaxKind.ConstructorDeclaration, SyntaxKind.PropertyDeclaration,
                SyntaxKind.LocalFunctionStatement);
            context.RegisterSyntaxNodeAction(AnalyzeMemberAccess, SyntaxKind.SimpleMemberAccessExpression);
            context.RegisterSyntaxNodeAction(AnalyzeIdentifier, SyntaxKind.IdentifierName);
            EnumToTextRule.Register(context);
        }

        private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor rule, Location location, params object[] args)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, location, args));
        }

        // NF1001: class Foo<T>, void Bar<T>(), delegate T D<T>(), local functions with type parameters.
        private static void AnalyzeTypeParameterList(SyntaxNodeAnalysisContext context)
        {
            SyntaxNode owner = context.Node.Parent;
            string kind;
            string name;
            switch (owner)
            {
                case MethodDeclarationSyntax method:
                    kind = "method";
                    name = method.Identifier.ValueText + context.Node.ToString();
                    break;
                case LocalFunctionStatementSyntax local:
                    kind = "local function";
                    name = local.Identifier.ValueText + context.Node.ToString();
                    break;
                case DelegateDeclarationSyntax del:
                    kind = "delegate";
                    name = del.Identifier.ValueText + context.Node.ToString();
                    break;
                case InterfaceDeclarationSyntax iface:
                    kind = "interface";
                    name = iface.Identifier.ValueText + context.Node.ToString();
                    break;
                case StructDeclarationSyntax str:
                    kind = "struct";
                    name = str.Identifier.ValueText + context.Node.ToString();
                    break;
                case TypeDeclarationSyntax type:
                    kind = "type";
                    name = type.Identifier.ValueText + context.Node.ToString();
                    break;
                default:
                    kind = "declaration";
                    name = context.Node.ToString();
                    break;
            }

            Report(context, NfRules.GenericDeclaration, context.Node.Parent.GetLocation(), kind, name);
        }

        // NF1002 / NF1003 / NF1011 for an explicit Name<...> in the source.
        private static void AnalyzeGenericName(SyntaxNodeAnalysisContext context)
        {
            var generic = (GenericNameSyntax)context.Node;
            if (generic.IsPartOfStructuredTrivia())
            {
                return; // <see cref="List{T}"/> in a doc comment is text, not code
            }

            string identifier = generic.Identifier.ValueText;
            if (identifier == "Span" || identifier == "ReadOnlySpan" || identifier == "Memory" || identifier == "ReadOnlyMemory")
            {
                Report(context, NfRules.SpanStackalloc, generic.GetLocation(), generic.ToString());
                return;
            }

            if (identifier == "Nullable")
            {
                Report(context, NfRules.NullableValueType, generic.GetLocation(), generic.ToString());
                return;
            }

            ISymbol symbol = context.SemanticModel.GetSymbolInfo(generic, context.CancellationToken).Symbol;
            if (symbol is IMethodSymbol || (symbol == null && IsInvokedName(generic)))
            {
                Report(context, NfRules.GenericMethodUse, generic.GetLocation(), generic.ToString());
                return;
            }

            Report(context, NfRules.GenericTypeUse, generic.GetLocation(), generic.ToString(), AdviceFor(identifier));
        }

        private static bool IsInvokedName(GenericNameSyntax generic)
        {
            SyntaxNode parent = generic.Parent;
            if (parent is MemberAccessExpressionSyntax access && access.Name == generic)
            {
                parent = access.Parent;
                return parent is InvocationExpressionSyntax;
            }

            return parent is InvocationExpressionSyntax invocation && invocation.Expression == generic;
        }

        private static string AdviceFor(string identifier)
        {
            switch (identifier)
            {
                case "List":
                case "IList":
                case "IEnumerable":
                case "ICollection":
                case "IReadOnlyList":
                case "IReadOnlyCollection":
                case "HashSet":
                case "LinkedList":
                    return "use ArrayList or an array";
                case "Dictionary":
                case "IDictionary":
                case "IReadOnlyDictionary":
                case "SortedDictionary":
                case "ConcurrentDictionary":
                case "KeyValuePair":
                    return "use Hashtable";
                case "Queue":
                case "ConcurrentQueue":
                    return "use System.Collections.Queue or a fixed ring buffer";
                case "Stack":
                    return "use System.Collections.Stack";
                case "Action":
                case "Func":
                case "Predicate":
                case "EventHandler":
                case "Comparison":
                    return "declare a non-generic delegate type with the parameters you need";
                case "Task":
                case "ValueTask":
                    return "no tasks on 1.x: use a Thread or a Tick-driven state machine";
                default:
                    return "use a non-generic type (object, ArrayList, Hashtable or a concrete class)";
            }
        }

        // NF1003 for calls that infer their type arguments: Identity(5), list.Select(...); NF1002 for
        // calls whose signature carries a generic type (a library method taking Action<T>).
        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var method = context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol as IMethodSymbol;
            if (method == null)
            {
                return;
            }

            if (IsInNamespace(method.ContainingType, "System.Linq"))
            {
                Report(context, NfRules.Linq, invocation.GetLocation(), method.ContainingType.Name + "." + method.Name);
                return;
            }

            bool explicitTypeArguments = invocation.Expression is GenericNameSyntax
                || (invocation.Expression is MemberAccessExpressionSyntax access && access.Name is GenericNameSyntax);
            if (method.IsGenericMethod && !explicitTypeArguments)
            {
                Report(context, NfRules.GenericMethodUse, invocation.Expression.GetLocation(), method.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
                return;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (IsConstructedGeneric(parameter.Type) && !IsInSource(parameter.Type))
                {
                    Report(context, NfRules.GenericTypeUse, invocation.GetLocation(),
                        parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                        "the called method " + method.Name + " takes one; " + AdviceFor(parameter.Type.Name));
                    return;
                }
            }
        }

        // NF1002 for 'var x = Make();' where Make returns a generic type the source never names.
        private static void AnalyzeImplicitGenericType(SyntaxNodeAnalysisContext context)
        {
            var declaration = (VariableDeclarationSyntax)context.Node;
            if (!declaration.Type.IsVar)
            {
                return;
            }

            ITypeSymbol type = context.SemanticModel.GetTypeInfo(declaration.Type, context.CancellationToken).Type;
            if (type != null && IsConstructedGeneric(type))
            {
                Report(context, NfRules.GenericTypeUse, declaration.Type.GetLocation(),
                    type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), AdviceFor(type.Name));
            }
        }

        private static bool IsConstructedGeneric(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && named.IsGenericType)
            {
                return true;
            }

            return type is IArrayTypeSymbol array && IsConstructedGeneric(array.ElementType);
        }

        private static bool IsInSource(ITypeSymbol type)
        {
            // A generic type declared in our own sources is already reported at its declaration.
            foreach (Location location in type.OriginalDefinition.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }

        private static void AnalyzeNullableType(SyntaxNodeAnalysisContext context)
        {
            var nullable = (NullableTypeSyntax)context.Node;
            ITypeSymbol element = context.SemanticModel.GetTypeInfo(nullable.ElementType, context.CancellationToken).Type;
            // string? in a nullable-disabled file is a reference type annotation, not Nullable<T>.
            if (element != null && element.TypeKind != TypeKind.Error && element.IsReferenceType)
            {
                return;
            }

            Report(context, NfRules.NullableValueType, nullable.GetLocation(), nullable.ToString());
        }

        private static void AnalyzeConditionalAccess(SyntaxNodeAnalysisContext context)
        {
            ITypeSymbol type = context.SemanticModel.GetTypeInfo(context.Node, context.CancellationToken).Type;
            if (type != null && type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                Report(context, NfRules.NullableValueType, context.Node.GetLocation(),
                    type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " from '" + context.Node + "'");
            }
        }

        private static void AnalyzeAsyncModifier(SyntaxNodeAnalysisContext context)
        {
            SyntaxTokenList modifiers;
            switch (context.Node)
            {
                case MethodDeclarationSyntax method:
                    modifiers = method.Modifiers;
                    break;
                case LocalFunctionStatementSyntax local:
                    modifiers = local.Modifiers;
                    break;
                case AnonymousFunctionExpressionSyntax lambda:
                    modifiers = lambda.Modifiers;
                    break;
                default:
                    return;
            }

            foreach (SyntaxToken modifier in modifiers)
            {
                if (modifier.IsKind(SyntaxKind.AsyncKeyword))
                {
                    Report(context, NfRules.AsyncAwait, modifier.GetLocation(), "async");
                }
                else if (modifier.IsKind(SyntaxKind.UnsafeKeyword))
                {
                    Report(context, NfRules.Unsafe, modifier.GetLocation(), "unsafe");
                }
            }
        }

        private static void AnalyzeAwait(SyntaxNodeAnalysisContext context)
        {
            Report(context, NfRules.AsyncAwait, context.Node.GetLocation(), "await");
        }

        private static void AnalyzeUsing(SyntaxNodeAnalysisContext context)
        {
            var directive = (UsingDirectiveSyntax)context.Node;
            if (directive.Name == null)
            {
                return;
            }

            string name = directive.Name.ToString();
            if (name == "System.Linq" || name.StartsWith("System.Linq.", System.StringComparison.Ordinal))
            {
                Report(context, NfRules.Linq, directive.GetLocation(), "using " + name);
            }
            else if (name == "System.Threading.Tasks")
            {
                Report(context, NfRules.AsyncAwait, directive.GetLocation(), "using System.Threading.Tasks");
            }
        }

        private static void AnalyzeQuery(SyntaxNodeAnalysisContext context)
        {
            Report(context, NfRules.Linq, context.Node.GetLocation(), "query expression");
        }

        private static void AnalyzeTuple(SyntaxNodeAnalysisContext context)
        {
            Report(context, NfRules.Tuple, context.Node.GetLocation(), context.Node.ToString());
        }

        private static void AnalyzeRecord(SyntaxNodeAnalysisContext context)
        {
            Report(context, NfRules.Record, context.Node.GetLocation(), ((RecordDeclarationSyntax)context.Node).Identifier.ValueText);
        }

        private static void AnalyzeDecimalKeyword(SyntaxNodeAnalysisContext context)
        {
            var predefined = (PredefinedTypeSyntax)context.Node;
            if (predefined.Keyword.IsKind(SyntaxKind.DecimalKeyword))
            {
                Report(context, NfRules.Decimal, predefined.GetLocation(), "the decimal type");
            }
        }

        private static void AnalyzeNumericLiteral(SyntaxNodeAnalysisContext context)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            if (literal.Token.Value is decimal)
            {
                Report(context, NfRules.Decimal, literal.GetLocation(), "literal " + literal.Token.Text);
            }
        }

        private static void AnalyzeYield(SyntaxNodeAnalysisContext context)
        {
            Report(context, NfRules.Yield, context.Node.GetLocation(),
                context.Node.IsKind(SyntaxKind.YieldReturnStatement) ? "yield return" : "yield break");
        }

        private static void AnalyzeStackalloc(SyntaxNodeAnalysisContext context)
        {
            Report(context, NfRules.SpanStackalloc, context.Node.GetLocation(), "stackalloc");
        }

        private static void AnalyzeIndexRange(SyntaxNodeAnalysisContext context)
        {
            Report(context, NfRules.IndexRange, context.Node.GetLocation(), context.Node.ToString());
        }

        private static void AnalyzeUnsafeStatement(SyntaxNodeAnalysisContext context)
        {
            string what = context.Node.IsKind(SyntaxKind.PointerType) ? "pointer type " + context.Node
                : context.Node.IsKind(SyntaxKind.FixedStatement) ? "fixed statement" : "unsafe block";
            Report(context, NfRules.Unsafe, context.Node.GetLocation(), what);
        }

        private static void AnalyzeUnsafeModifier(SyntaxNodeAnalysisContext context)
        {
            if (context.Node is MethodDeclarationSyntax || context.Node is LocalFunctionStatementSyntax)
            {
                return; // reported with the async check, which walks the same modifiers
            }

            SyntaxTokenList modifiers;
            switch (context.Node)
            {
                case MemberDeclarationSyntax member:
                    modifiers = member.Modifiers;
                    break;
                default:
                    return;
            }

            foreach (SyntaxToken modifier in modifiers)
            {
                if (modifier.IsKind(SyntaxKind.UnsafeKeyword))
                {
                    Report(context, NfRules.Unsafe, modifier.GetLocation(), "unsafe");
                }
                else if (modifier.IsKind(SyntaxKind.VolatileKeyword) && context.Node is FieldDeclarationSyntax field)
                {
                    Report(context, NfRules.Volatile, modifier.GetLocation(), field.Declaration.Variables[0].Identifier.ValueText);
                }
            }
        }

        // NF1014: members that shared/nanoframework.md lists as missing. Matched on the member name
        // and the receiver's type, which resolves even when the member itself does not exist.
        private static void AnalyzeMemberAccess(SyntaxNodeAnalysisContext context)
        {
            var access = (MemberAccessExpressionSyntax)context.Node;
            string member = access.Name.Identifier.ValueText;
            string receiver = ReceiverTypeName(context, access.Expression);
            if (receiver == null)
            {
                return;
            }

            string advice = null;
            switch (receiver + "." + member)
            {
                case "System.String.Replace":
                    advice = "use StringBuilder.Replace";
                    break;
                case "System.String.Join":
                    advice = "append the parts with a StringBuilder";
                    break;
                case "System.String.CompareOrdinal":
                    advice = "compare the characters in a loop";
                    break;
                case "System.Array.Sort":
                    advice = "write an insertion sort over the array";
                    break;
                case "System.Array.Empty":
                    advice = "use a static readonly zero-length array";
                    break;
                case "System.Array.Resize":
                    advice = "allocate the new array and Array.Copy";
                    break;
                case "System.DateTime.Now":
                    advice = "device time is UTC: use DateTime.UtcNow for the wall clock, IClock.NowMs for intervals";
                    break;
                case "System.Environment.TickCount":
                    advice = "use Environment.TickCount64 (nanoFramework.Runtime.Native)";
                    break;
                case "System.GC.Collect":
                    advice = "use nanoFramework.Runtime.Native.GC.Run(bool)";
                    break;
                case "System.Enum.Parse":
                case "System.Enum.TryParse":
                case "System.Enum.GetName":
                case "System.Enum.GetNames":
                case "System.Enum.GetValues":
                case "System.Enum.IsDefined":
                    advice = "parse and print with the enum's explicit text table (XxxText.TryParse / XxxText.Of)";
                    break;
                case "System.Globalization.CultureInfo.InvariantCulture":
                case "System.Globalization.CultureInfo.CurrentCulture":
                    advice = "format numbers explicitly (shared/nanoframework.md: float formatting differs on the board)";
                    break;
            }

            if (advice != null)
            {
                Report(context, NfRules.BannedApi, access.GetLocation(), Short(receiver) + "." + member, advice);
            }
        }

        private static string ReceiverTypeName(SyntaxNodeAnalysisContext context, ExpressionSyntax expression)
        {
            if (expression is PredefinedTypeSyntax predefined)
            {
                if (predefined.Keyword.IsKind(SyntaxKind.StringKeyword))
                {
                    return "System.String";
                }
            }

            SymbolInfo info = context.SemanticModel.GetSymbolInfo(expression, context.CancellationToken);
            if (info.Symbol is INamedTypeSymbol namedType)
            {
                return namedType.ToDisplayString();
            }

            ITypeSymbol type = context.SemanticModel.GetTypeInfo(expression, context.CancellationToken).Type;
            if (type != null && type.TypeKind != TypeKind.Error)
            {
                if (type.SpecialType == SpecialType.System_String)
                {
                    return "System.String";
                }

                if (type.TypeKind == TypeKind.Array)
                {
                    return "System.Array";
                }

                return type.ToDisplayString();
            }

            // Unresolved receiver (the type is missing from the reference set): fall back to its name.
            string text = expression.ToString();
            switch (text)
            {
                case "CultureInfo":
                case "System.Globalization.CultureInfo":
                    return "System.Globalization.CultureInfo";
                default:
                    return null;
            }
        }

        private static string Short(string fullName)
        {
            switch (fullName)
            {
                case "System.String":
                    return "string";
                default:
                    int dot = fullName.LastIndexOf('.');
                    return dot < 0 ? fullName : fullName.Substring(dot + 1);
            }
        }

        // NF1014 for whole types that are missing: Stopwatch, CultureInfo; NF1009 for System.Decimal.
        private static void AnalyzeIdentifier(SyntaxNodeAnalysisContext context)
        {
            var identifier = (IdentifierNameSyntax)context.Node;
            if (identifier.IsPartOfStructuredTrivia())
            {
                return;
            }

            string text = identifier.Identifier.ValueText;
            if (text == "Stopwatch")
            {
                Report(context, NfRules.BannedApi, identifier.GetLocation(), "Stopwatch", "measure with Environment.TickCount64 or IClock.NowMs");
            }
            else if (text == "CultureInfo" && !(identifier.Parent is MemberAccessExpressionSyntax parentAccess && parentAccess.Expression == identifier))
            {
                Report(context, NfRules.BannedApi, identifier.GetLocation(), "CultureInfo", "format numbers explicitly");
            }
            else if (text == "Decimal")
            {
                ISymbol symbol = context.SemanticModel.GetSymbolInfo(identifier, context.CancellationToken).Symbol;
                if (symbol is ITypeSymbol type && type.SpecialType == SpecialType.System_Decimal)
                {
                    Report(context, NfRules.Decimal, identifier.GetLocation(), "System.Decimal");
                }
            }
        }

        private static bool IsInNamespace(ISymbol symbol, string ns)
        {
            return symbol != null && symbol.ContainingNamespace != null && symbol.ContainingNamespace.ToDisplayString() == ns;
        }
    }
}
