using System;
using System.Collections;
using System.Reflection;

namespace Charger.Ota.Boot
{
    /// <summary>
    /// The board's loader: <c>Assembly.Load(byte[])</c> for each .pe (a loaded image stays in RAM
    /// until reboot: there is no unload), then the entry type is looked up in the loaded assemblies
    /// and created with its constructor without arguments (nanoFramework 1.x has no Activator).
    /// </summary>
    public sealed class ReflectionApplicationLoader : IApplicationLoader
    {
        private readonly ArrayList _loaded = new ArrayList();

        public int LoadedCount
        {
            get { return _loaded.Count; }
        }

        public void Load(string name, byte[] image)
        {
            Assembly assembly = Assembly.Load(image);
            if (assembly == null)
            {
                throw new InvalidOperationException("Assembly.Load refused " + name);
            }

            _loaded.Add(assembly);
        }

        public IFirmwareApplication Create(string entryType)
        {
            for (int i = _loaded.Count - 1; i >= 0; i--)
            {
                Type type = ((Assembly)_loaded[i]).GetType(entryType);
                if (type == null)
                {
                    continue;
                }

                ConstructorInfo constructor = type.GetConstructor(new Type[0]);
                if (constructor == null)
                {
                    throw new InvalidOperationException(entryType + " has no public constructor without arguments");
                }

                IFirmwareApplication application = constructor.Invoke(new object[0]) as IFirmwareApplication;
                if (application == null)
                {
                    throw new InvalidOperationException(entryType + " does not implement IFirmwareApplication");
                }

                return application;
            }

            throw new InvalidOperationException("no loaded assembly defines " + entryType);
        }
    }
}
